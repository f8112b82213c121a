package e2e_test

import (
	"testing"

	"github.com/escrowlab/escrowlab/e2e"
)

// TestSessionKeys checks both ends of a session report the same
// initiator-oriented Keys, and that those Keys really open its traffic.
func TestSessionKeys(t *testing.T) {
	fs := handshake(t, 210)
	r := seeded(211)
	st := startStatic(t, r, newStaticKey(t, r))
	other := handshake(t, 212)
	tests := []struct {
		name                 string
		initiator, responder *e2e.Session
	}{
		{"forward-secret", fs.aliceS, fs.bobS},
		{"static", st.caller, st.callee},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := tt.initiator.Keys()
			if k != tt.responder.Keys() {
				t.Fatal("the two sides report different Keys")
			}
			if k.InitiatorToResponder == k.ResponderToInitiator || k == other.aliceS.Keys() {
				t.Fatal("Keys are not per direction and per session")
			}
			if _, pt, err := e2e.OpenMessage(k.InitiatorToResponder, tt.initiator.Seal([]byte("i"))); err != nil || string(pt) != "i" {
				t.Errorf("InitiatorToResponder does not open the initiator's message: %v", err)
			}
			if _, pt, err := e2e.OpenMessage(k.ResponderToInitiator, tt.responder.Seal([]byte("r"))); err != nil || string(pt) != "r" {
				t.Errorf("ResponderToInitiator does not open the responder's message: %v", err)
			}
		})
	}
	if (*e2e.Session)(nil).Keys() != (e2e.Keys{}) {
		t.Error("nil Session returned non-zero Keys")
	}
}
