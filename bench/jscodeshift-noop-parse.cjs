// The cheapest real jscodeshift transform: parse the file (with the CLI's --parser), change nothing.
// Returning undefined makes jscodeshift count the file as skipped and print nothing.
'use strict';
module.exports = function noopParse(file, api) {
  api.jscodeshift(file.source);
};
