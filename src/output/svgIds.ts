/**
 * Gives the ids inside an SVG document (Vega's clip paths) names derived from the chart, in order of
 * appearance. Vega numbers clip paths with a counter shared by the whole process, so the same chart
 * would otherwise get different ids depending on what was rendered before it — and several SVGs inlined
 * in one HTML page must not share an id, or a chart is clipped by another chart's path.
 */
export function namespaceSvgIds(svg: string, prefix: string): string {
  const renamed = new Map<string, string>();
  for (const match of svg.matchAll(/\sid="([^"]+)"/g)) {
    if (!renamed.has(match[1])) renamed.set(match[1], `${prefix}-${renamed.size + 1}`);
  }
  if (renamed.size === 0) return svg;
  return svg
    .replace(/(\sid=")([^"]+)(")/g, (all, open: string, id: string, close: string) =>
      renamed.has(id) ? `${open}${renamed.get(id)}${close}` : all,
    )
    .replace(/url\(#([^)]+)\)/g, (all, id: string) => (renamed.has(id) ? `url(#${renamed.get(id)})` : all))
    .replace(/((?:xlink:)?href=")#([^"]+)(")/g, (all, open: string, id: string, close: string) =>
      renamed.has(id) ? `${open}#${renamed.get(id)}${close}` : all,
    );
}
