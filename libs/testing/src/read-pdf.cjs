// Reads a PDF from stdin and prints {pages, text, qrCodes} as JSON. A process of its own: pdf.js loads its worker
// with import(), which jest's CommonJS runtime refuses; plain Node runs it.
const { PDFParse } = require('pdf-parse');
const jsQR = require('jsqr');
const { PNG } = require('pngjs');

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try {
    const text = await parser.getText();
    const images = await parser.getImage({ imageThreshold: 0, imageDataUrl: false });
    const qrCodes = images.pages.flatMap((page) =>
      page.images.flatMap((image) => {
        const png = PNG.sync.read(Buffer.from(image.data));
        const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
        return found ? [found.data] : [];
      }),
    );
    process.stdout.write(JSON.stringify({ pages: text.total, text: text.text, qrCodes }));
  } finally {
    await parser.destroy();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
