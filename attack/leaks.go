package attack

// Leaks that concern every scheme. Leaks that concern only some are
// declared beside them: the escrow leaks in clipper.go, quorum-dbs in
// threshold.go, sim-db in sim.go, authority-key in e2e_escrowed.go.
const (
	// NoLeak: a passive eavesdropper with nothing but the wiretap archive.
	NoLeak LeakID = "none"
	// DeviceSeizure: one person's phone and every long-term secret it will
	// give up. A tamper-resistant chip or SIM gives up none; an app gives
	// up its keys.
	DeviceSeizure LeakID = "device-seizure"
	// SessionKeyLeak: the keys of one session, under every scheme.
	SessionKeyLeak LeakID = "session-key"
)

func init() {
	RegisterLeak(LeakInfo{ID: NoLeak, Words: "nothing but the wiretap", Order: 0})
	RegisterLeak(LeakInfo{ID: DeviceSeizure, Words: "{person}'s phone, seized", Needs: NeedsPerson, Order: 70})
	RegisterLeak(LeakInfo{ID: SessionKeyLeak, Words: "the keys of call {session}", Needs: NeedsSession, Order: 100})
}
