module.exports = {
  // decktape (a dev dependency, for the print test) brings Puppeteer; Podium never downloads a browser.
  skipDownload: true,
};
