// Stands in for @stdlib/assert-has-generator-support, which probes for generators with eval: the page's Content
// Security Policy forbids eval, and the probe alone is reported as a violation. Every browser that runs
// WebAssembly and ES modules has generators, so the answer is known.
module.exports = function hasGeneratorSupport() {
	return true;
};
