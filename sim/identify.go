package sim

// Identify returns the IMSI whose Ki, among db, reproduces the observed SRES
// for the challenge r, and that Ki. It is how a thief of a manufacturer's
// key database tells whose call an intercepted challenge belongs to: it
// tries every key, as [Derive] lets anyone holding them do. ok is false if
// no Ki in db matches.
//
// SRES is only 32 bits, so among many keys a wrong Ki can reproduce it by
// chance. If several IMSIs match, Identify returns the lexicographically
// smallest, so the result does not depend on map order. Callers should
// confirm a match by opening traffic with the Kc it gives.
func Identify(db map[string]Ki, r RAND, observed SRES) (imsi string, ki Ki, ok bool) {
	for candidate, k := range db {
		sres, _ := Derive(k, r)
		if sres == observed && (!ok || candidate < imsi) {
			imsi, ki, ok = candidate, k, true
		}
	}
	return imsi, ki, ok
}
