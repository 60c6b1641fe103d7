// The label palette: new labels take the next colour in turn. No imports, so the browser can use it.
export const LABEL_COLORS = ["#2563eb", "#16a34a", "#d97706", "#dc2626", "#7c3aed", "#0891b2", "#db2777", "#4b5563"];
