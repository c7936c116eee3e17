/**
 * Escapes text for HTML element content and quoted attribute values. Scenario titles, descriptions,
 * event labels and sources are written by users and must never become markup in the report.
 */
const replacements: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => replacements[c]);
}
