// No dialog unless a card was opened from a project page (every parallel slot needs a default).
export default function NoModal() {
  return null;
}
