/**
 * A file name as it may be stored and sent back: no folders, no control or reserved characters, at
 * most 255 characters; `vedlegg` when nothing is left.
 */
export const sanitiseFileName = (raw: string): string => {
  const base = raw.split(/[/\\]/).pop() ?? '';
  const visible = [...base].filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f).join('');
  const cleaned = visible
    .replace(/[<>:"|?*]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 255);
  return cleaned || 'vedlegg';
};

/** `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export const attachmentDisposition = (fileName: string): string => {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
};
