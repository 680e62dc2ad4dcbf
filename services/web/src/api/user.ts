/** The signed-in person, by e-mail (sent as X-User-Id). Kept in localStorage; there is no login yet. */
const KEY = 'gevinst.user';
const listeners = new Set<() => void>();

export function currentUser(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function setCurrentUser(email: string): void {
  try {
    localStorage.setItem(KEY, email.trim());
  } catch {
    /* private mode: keep going without remembering */
  }
  listeners.forEach((listener) => listener());
}

export function subscribeUser(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
