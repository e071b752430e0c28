//go:build !race

package facts

// raceEnabled is set when the tests run under the race detector, whose
// instrumentation makes wall-clock limits meaningless.
const raceEnabled = false
