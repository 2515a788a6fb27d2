/**
 * Raw deflate inflated by the web platform's DecompressionStream ("deflate-raw": Chromium 103,
 * Safari 16.4, Firefox 113; the Edge WebView2 of Excel on Windows and Safari's WebKit on Mac), a
 * stream like node's zlib, so a big sheet never has to sit in memory whole. The pane's build uses
 * this module in place of inflate.ts.
 */

/** The inflated bytes of `data`, in slices as the stream hands them over. */
export async function* inflateRaw(data: Uint8Array): AsyncGenerator<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw"));
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
