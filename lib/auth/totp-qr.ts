/**
 * The enrolment QR code as an SVG data URL, drawn on the server: the page's CSP allows `data:`
 * images (proxy.ts), and no script or canvas is needed in the browser.
 */
import QRCode from "qrcode";

export async function totpQrDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
