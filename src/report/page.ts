// The shell of every self-contained HTML page the tool writes: its content
// security policy (nothing fetched; inline style, data images, and a script
// only where its hash is given), the shared style and the body.
import { CSS } from './style.js';
import { esc } from './svg/xml.js';

/** The policy of a page with no script, or with one inline script allowed by its sha256 (base64). */
export const csp = (scriptSha256?: string): string =>
  `default-src 'none'; style-src 'unsafe-inline'; img-src data:${scriptSha256 ? `; script-src 'sha256-${scriptSha256}'` : ''}`;

/** Monospaced blocks of a page that shows terminal output. */
export const PRE_CSS = 'pre { font-size: .85rem; overflow-x: auto; white-space: pre; }';

export interface Page {
  readonly title: string;
  readonly body: string;
  /** Extra CSS after the shared style, or the whole style when `ownStyle`. */
  readonly css?: string;
  readonly ownStyle?: boolean;
  readonly scriptSha256?: string;
}

export function htmlPage(p: Page): string {
  const style = p.ownStyle ? (p.css ?? '') : `${CSS}${p.css ? `\n${p.css}` : ''}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp(p.scriptSha256)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.title)}</title>
<style>${style}</style>
</head>
<body>
${p.body}
</body>
</html>
`;
}
