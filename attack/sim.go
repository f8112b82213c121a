package attack

import (
	"fmt"
	"io"

	"github.com/escrowlab/escrowlab/sim"
)

// SIMID is GSM-style mobile encryption: a key Ki shared by each SIM card
// and its operator, and kept by the card's manufacturer.
const SIMID SchemeID = "sim"

// SIMDB is the SIM manufacturer's database of every card's Ki.
const SIMDB LeakID = "sim-db"

func init() {
	RegisterScheme(SchemeInfo{
		ID: SIMID, Title: "SIM (mobile network)", Order: 30,
		Description: "GSM-style SIM cards whose keys the manufacturer keeps",
		New:         newSIM,
	})
	RegisterLeak(LeakInfo{ID: SIMDB, Words: "the SIM maker's keys", Order: 80})
}

// SIM is a mobile network deployed in one world: the manufacturer that made
// every card and kept each one's Ki, the operator holding the
// manufacturer's key file, a SIM in each person's phone, and the radio keys
// of every call, as the phones knew them.
type SIM struct {
	maker    *sim.Manufacturer
	operator *sim.Operator
	rand     io.Reader
	cards    map[*Person]*sim.SIM
	owners   map[string]*Person // by IMSI
	keys     map[int][2]sim.Kc  // by session: the caller's leg, then the callee's
}

// SIMRecord is a mobile call on the air: each party's radio leg carries
// the network's challenge and the SIM's response in the clear, then that
// party's messages encrypted under the leg's key Kc.
type SIMRecord struct {
	Legs     [2]SIMLeg // the caller's leg, then the callee's
	Messages []SIMMessage
}

// SIMLeg is the authentication seen on one radio leg.
type SIMLeg struct {
	RAND sim.RAND
	SRES sim.SRES
}

// SIMMessage is one message on the air, on the sender's leg.
type SIMMessage struct {
	Leg    int // 0: sent by the caller; 1: by the callee
	Sealed []byte
}

// simKeys is SIM key material in an adversary's hands.
type simKeys struct {
	ki       map[string]sim.Ki // by IMSI
	sessions map[int][2]sim.Kc
}

func newSIM(env Env) (Scheme, error) {
	maker := sim.NewManufacturer("SIM manufacturer")
	return &SIM{maker: maker, rand: env.Rand, cards: map[*Person]*sim.SIM{}, owners: map[string]*Person{}, keys: map[int][2]sim.Kc{}}, nil
}

// Enrol has the manufacturer make p's SIM, keeping its Ki.
func (s *SIM) Enrol(p *Person, rand io.Reader) error {
	imsi := fmt.Sprintf("001010%09d", len(s.cards)+1)
	card, err := s.maker.MakeSIM(rand, imsi)
	if err != nil {
		return err
	}
	s.cards[p], s.owners[imsi] = card, p
	s.operator = nil // its key file lacks the new card
	return nil
}

// Call holds c over the mobile network: the operator challenges each
// party's SIM, each sends its messages on its own radio leg under its Kc,
// and the network passes them on (decrypting and re-encrypting, as GSM
// does) to the other party, whose phone checks what arrived.
func (s *SIM) Call(c *Conversation) (Record, error) {
	if s.operator == nil {
		// The manufacturer ships the key file of every card it made.
		s.operator = sim.NewOperator("Mobile operator", s.maker.Database())
	}
	rec := &SIMRecord{}
	var kcs [2]sim.Kc
	parties := [2]*Person{c.Caller, c.Callee}
	for i, p := range parties {
		r, sres, kc, err := s.operator.Challenge(s.rand, s.cards[p].IMSI())
		if err != nil {
			return nil, err
		}
		if got, phoneKc := s.cards[p].Respond(r); got != sres || phoneKc != kc {
			return nil, fmt.Errorf("%s's SIM and the network disagree", p.Name)
		}
		rec.Legs[i], kcs[i] = SIMLeg{RAND: r, SRES: sres}, kc
	}
	var seq [2]uint64
	for _, m := range c.Messages {
		from := 0
		if !m.FromCaller {
			from = 1
		}
		sealed := sim.Seal(kcs[from], seq[from], []byte(m.Text))
		seq[from]++
		// The network opens the uplink and re-seals for the other leg.
		_, plain, err := sim.Open(kcs[from], sealed)
		if err != nil {
			return nil, fmt.Errorf("the network: %w", err)
		}
		_, got, err := sim.Open(kcs[1-from], sim.Seal(kcs[1-from], 0, plain))
		if err != nil || string(got) != m.Text {
			return nil, fmt.Errorf("%s's phone did not get what was sent: %v", parties[1-from].Name, err)
		}
		rec.Messages = append(rec.Messages, SIMMessage{Leg: from, Sealed: sealed})
	}
	s.keys[c.Session] = kcs
	return rec, nil
}

// Lose says what each leak gives away. A seized phone gives up nothing:
// the SIM cannot read out its Ki.
func (s *SIM) Lose(id LeakID, t Target) ([]any, error) {
	switch id {
	case SIMDB:
		return []any{simKeys{ki: s.maker.Database()}}, nil
	case SessionKeyLeak:
		kcs, ok := s.keys[t.Session]
		if !ok {
			return nil, fmt.Errorf("no session %d", t.Session)
		}
		return []any{simKeys{sessions: map[int][2]sim.Kc{t.Session: kcs}}}, nil
	}
	return nil, nil
}

// Opener combines every simKeys item h holds.
func (s *SIM) Opener(h Holdings) (Opener, error) {
	o := &simOpener{s: s}
	for _, it := range h.Items(SIMID) {
		if k, ok := it.(simKeys); ok {
			o.ki = mergeMaps(o.ki, k.ki)
			o.sessions = mergeMaps(o.sessions, k.sessions)
		}
	}
	return o, nil
}

// simOpener reads mobile calls with what one adversary holds.
type simOpener struct {
	s        *SIM
	ki       map[string]sim.Ki
	sessions map[int][2]sim.Kc
}

// Open uses a leaked session's keys, or derives each radio leg's Kc from
// the stolen Ki database: the challenge RAND is on the air, and the SRES
// beside it tells whose Ki to use, and so whose phone it is.
func (o *simOpener) Open(c Capture) Opening {
	rec, ok := c.Record.(*SIMRecord)
	if !ok {
		return Opening{}
	}
	var out Opening
	kcs, haveKeys := o.sessions[c.Session]
	derived := o.ki != nil
	for i, leg := range rec.Legs {
		imsi, ki, found := sim.Identify(o.ki, leg.RAND, leg.SRES)
		if !found {
			derived = false
			continue
		}
		out.Who = append(out.Who, o.s.owners[imsi])
		if !haveKeys {
			_, kcs[i] = sim.Derive(ki, leg.RAND)
		}
	}
	if haveKeys || derived {
		out.Texts = openSIMMessages(rec, kcs)
	}
	return out
}

// openSIMMessages opens every message with its leg's key, or returns nil
// if any fails.
func openSIMMessages(rec *SIMRecord, kcs [2]sim.Kc) []string {
	texts := make([]string, 0, len(rec.Messages))
	for _, m := range rec.Messages {
		_, p, err := sim.Open(kcs[m.Leg], m.Sealed)
		if err != nil {
			return nil
		}
		texts = append(texts, string(p))
	}
	return texts
}
