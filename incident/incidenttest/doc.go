// Package incidenttest generates synthetic, pseudonymous incidents for
// tests, benchmarks and sample registers.
//
// The incidents are deterministic for a seed: the same seed, count and start
// time always give the same incidents, on every platform and Go version
// (the generator uses math/rand/v2's PCG, whose output is specified).
//
// # What the incidents look like
//
// The mix of categories follows the proportions the pilot's 0-measurement
// reported (seed 001, 4.2.1: verbal aggression most common, threats and
// intimidation next, sexual intimidation and discrimination less common,
// physical violence rare); a few incidents damage property. Channels lean to
// the desk and the phone. About one in ten perpetrators is unknown; known
// perpetrators come from a pool of references ("P-0042") in which some
// appear again and again, so that perpetrator dossiers have something to
// show. Every incident involves one to three employees ("E-017"). About
// six in ten incidents carry a cause analysis.
//
// No real person appears: references are invented and every free text says
// that it is synthetic.
package incidenttest
