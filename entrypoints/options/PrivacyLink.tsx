/** The privacy policy the extension ships (entrypoints/privacy, written from PRIVACY.md), in a tab of its own. */
export function PrivacyLink() {
  return (
    <footer class="page-footer">
      <a href="privacy.html" target="_blank" rel="noopener">
        Privacy policy
      </a>
      : what the extension reads and stores, where, for how long, and how to delete it.
    </footer>
  );
}
