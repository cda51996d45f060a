// Cancel on the sandbox's consent screen: just close the window, as declining at Google would.
document.getElementById('cancel')?.addEventListener('click', () => window.close());
