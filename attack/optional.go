package attack

// Revealer is implemented by items an adversary holds that tell it
// something besides keys, such as whom the authorities are tapping.
type Revealer interface {
	// Reveals says what the item tells its holder, in plain words, or ""
	// if nothing.
	Reveals() string
}

// Checker is implemented by schemes whose users can find out, after a
// session, that someone they did not add took part in it: by comparing
// safety numbers in person, or by checking a public log of the provider's
// directory (key transparency).
type Checker interface {
	// Check reports whether such a check of conversation c would reveal
	// an extra party. It is computed from what the two apps were shown,
	// not from the adversary's side.
	Check(c Conversation) bool
}
