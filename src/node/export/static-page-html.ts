import { STATIC_CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { STATIC_PAGE, type StaticPageData } from '../../shared/export/static-page';
import { escapeHtml } from '../../shared/render/escape-html';

/**
 * The static copy's index.html: the strict CSP, the page's stylesheet and classic script, and the
 * deck as a JSON data block (no inline script at all). Inside the block `<` is written `\u003c`,
 * so no slide text can close the element (`</script>`) or open a comment in it.
 */
export function staticPageHtml(data: StaticPageData): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  return `<!doctype html>
<html lang="${escapeHtml(data.deck.settings.lang)}">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${escapeHtml(STATIC_CONTENT_SECURITY_POLICY)}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="generator" content="Podium" />
    <title>${escapeHtml(data.deck.title)}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${STATIC_PAGE.stylesheet}" />
    <script type="application/json" id="${STATIC_PAGE.dataElementId}">${json}</script>
    <script src="${STATIC_PAGE.script}" defer></script>
  </head>
  <body>
    <div class="reveal">
      <div class="slides"></div>
    </div>
  </body>
</html>
`;
}
