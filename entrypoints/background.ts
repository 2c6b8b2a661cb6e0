export default defineBackground(() => {
  // Capture is wired in by the extension issue.
});
