/** The map's SVG as a standalone file: the element as drawn, without what only the page needs. */
export function svgFile(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  for (const el of copy.querySelectorAll('[tabindex]')) el.removeAttribute('tabindex');
  for (const el of copy.querySelectorAll('[role], [aria-pressed], [aria-hidden]')) {
    el.removeAttribute('role');
    el.removeAttribute('aria-pressed');
    el.removeAttribute('aria-hidden');
  }
  copy.setAttribute('role', 'img');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** Draws the SVG file onto a canvas (twice the size, for sharp text) and answers it as PNG. */
export async function pngOf(svgText: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('Kunne ikke tegne kartet'));
      image.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('Nettleseren kan ikke tegne på canvas');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('Kunne ikke lage PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
