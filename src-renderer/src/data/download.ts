// Saves bytes the core produced (base64) as a file the user downloads: an Excel export, a report.
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Offers `content` (base64) for download as `fileName`, through a short-lived blob URL. */
export function downloadBase64File(fileName: string, content: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(content)], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the bytes once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
