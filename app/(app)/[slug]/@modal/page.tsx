// The board itself (`/<slug>`): no dialog, also when a client navigation comes back to it.
export default function NoModal() {
  return null;
}
