// The system's chromedriver (scripts/setup.sh installs Debian's chromium-driver), for
// tachometer; see package.json. What the npm package `chromedriver` exports: its path.
exports.path = process.env.CHROMEDRIVER ?? "/usr/bin/chromedriver";
