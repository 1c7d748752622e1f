// Package followuptest generates synthetic follow-up actions for incidents,
// for tests, benchmarks and the sample register.
//
// # Profiles
//
// A [Profile] says how well an organisation follows up: the share of
// reactions to the perpetrator within the deadline, late, or not possible;
// police reports filed; aftercare offered on time, late, and declined; the
// repeated offer after a decline; the manager's conversation; the check at
// six weeks. [Sample] is the profile of the sample register, which reacts
// within 48 hours in about two thirds of the cases; [Perfect] does
// everything on time.
//
// # Determinism
//
// [Actions] draws only from the random source it is given, and [Register]
// seeds its own source from the seed (math/rand/v2's PCG, whose output is
// specified), so the same seed gives the same actions on every platform.
//
// Action IDs are the incident ID followed by "-A1", "-A2", ...; reasons are
// invented and contain no personal data.
package followuptest
