/**
 * Saves text as a file the browser downloads: a Blob behind an object URL and an <a download> clicked in
 * code. Nothing is sent anywhere: the bytes go from the page's memory to the downloads folder.
 */
export function saveTextFile(text: string, fileName: string, mimeType: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  // The download has taken its copy once click() returned in current browsers; a delay keeps older ones safe.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
