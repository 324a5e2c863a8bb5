/**
 * Makes a picked image small enough to send. Photos straight from a camera are redrawn at most `side`
 * pixels wide, as WebP; anything already small, or that the browser cannot draw, is sent as it is and the
 * server says what it thinks of it.
 */
export async function shrinkImage(file: Blob, maxBytes: number, side = 1024): Promise<Blob> {
  if (file.size <= maxBytes) return file;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const smaller = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/webp', 0.9));
    return smaller ?? file;
  } catch {
    return file;
  }
}
