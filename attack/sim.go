package attack

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/escrowlab/escrowlab/internal/wire"
	"github.com/escrowlab/escrowlab/sim"
)

// SIMID is GSM-style mobile encryption: a key Ki shared by each SIM card
// and its operator, and kept by the card's manufacturer. The radio hop is
// encrypted; the carrier's switch sees every call in plaintext.
const SIMID SchemeID = "sim"

// The leaks of a mobile network.
const (
	// SIMDB is the SIM manufacturer's database of every card's Ki.
	SIMDB LeakID = "sim-db"
	// InterceptBreach is an intruder inside the carrier's lawful-intercept
	// system: from that day it copies any subscriber's calls, and it reads
	// the call records, those kept before it included, and the list of
	// whom the authorities are tapping. It opens no content recorded
	// before its day.
	InterceptBreach LeakID = "intercept-breach"
)

func init() {
	RegisterScheme(SchemeInfo{
		ID: SIMID, Title: "mobile network (SIM keys)", Order: 30,
		Description: "GSM-style SIM cards whose keys the manufacturer keeps",
		Caveat:      "escrowlab's SIM stands in for GSM's secret algorithms, and assumes that the card's maker keeps a copy of every key it issues, which is a supply-chain choice",
		Keys: []KeyInfo{
			{"SIM key Ki", "the SIM card, the mobile operator and, in this model, the card's maker", "every call of that phone: each call's radio key comes from Ki and a challenge sent in the clear", "a house key the locksmith kept a copy of"},
			{"radio key Kc", "the phone and the network, for one call", "that call's radio link; the network decrypts it and sees the words", "a lock on the road to the exchange, not on the letter"},
		},
		New: newSIM, Restore: restoreSIM,
	})
	RegisterLeak(LeakInfo{ID: SIMDB, Words: "the SIM maker's keys", Order: 80})
	RegisterLeak(LeakInfo{ID: InterceptBreach, Words: "a way into the carrier's intercept system", Access: true, Order: 85})
}

// SIM is a mobile network deployed in one world: the manufacturer that made
// every card and kept each one's Ki, the operator holding the
// manufacturer's key file, its switch with the call records and the
// intercept function, a SIM in each person's phone, and the radio keys of
// every call, as the phones knew them. Restored from an archive, it has
// only the owners of the IMSIs.
type SIM struct {
	maker    *sim.Manufacturer
	mu       sync.Mutex    // guards operator and sw under concurrent calls
	operator *sim.Operator // made at the first call after the last enrolment
	sw       sim.Switch    // its call records kept for the sessions keep names
	keep     func(session int) bool
	cards    map[*Person]*sim.SIM
	owners   map[string]*Person       // by IMSI
	keys     *sessionStore[[2]sim.Kc] // by session: the caller's leg, then the callee's
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

// interceptAccess is a tap in the switch, lawful or not, and what comes
// with it: the records of the tapped calls, or of every call.
type interceptAccess struct {
	tap        *sim.Tap
	allRecords bool     // the holder reads every call record
	targets    []string // whom the authorities were tapping when it got in
}

// simMakerName names the manufacturer of every SIM card.
const simMakerName = "SIM manufacturer"

func newSIM(env Env) (Scheme, error) {
	maker := sim.NewManufacturer(simMakerName)
	return &SIM{maker: maker, keep: env.Keep, cards: map[*Person]*sim.SIM{}, owners: map[string]*Person{}, keys: newSessionStore[[2]sim.Kc](env.Keep)}, nil
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
func (s *SIM) Call(c *Conversation, rand io.Reader) (Record, error) {
	operator := s.network()
	rec := &SIMRecord{}
	var kcs [2]sim.Kc
	parties := [2]*Person{c.Caller, c.Callee}
	for i, p := range parties {
		r, sres, kc, err := operator.Challenge(rand, s.cards[p].IMSI())
		if err != nil {
			return nil, err
		}
		if got, phoneKc := s.cards[p].Respond(r); got != sres || phoneKc != kc {
			return nil, fmt.Errorf("%s's SIM and the network disagree", p.Name)
		}
		rec.Legs[i], kcs[i] = SIMLeg{RAND: r, SRES: sres}, kc
	}
	imsi := [2]string{s.cards[c.Caller].IMSI(), s.cards[c.Callee].IMSI()}
	if s.keep(c.Session) {
		s.mu.Lock()
		s.sw.Connect(c.Session, c.At, imsi[0], imsi[1])
		s.mu.Unlock()
	}
	var seq [2]uint64
	for _, m := range c.Messages {
		from := 0
		if !m.FromCaller {
			from = 1
		}
		sealed := sim.Seal(kcs[from], seq[from], []byte(m.Text))
		seq[from]++
		// The network opens the uplink, passes the plaintext through its
		// switch, and re-seals it for the other leg.
		_, plain, err := sim.Open(kcs[from], sealed)
		if err != nil {
			return nil, fmt.Errorf("the network: %w", err)
		}
		s.mu.Lock()
		s.sw.Relay(c.Session, c.At, imsi[from], imsi[1-from], string(plain))
		s.mu.Unlock()
		_, got, err := sim.Open(kcs[1-from], sim.Seal(kcs[1-from], 0, plain))
		if err != nil || string(got) != m.Text {
			return nil, fmt.Errorf("%s's phone did not get what was sent: %v", parties[1-from].Name, err)
		}
		rec.Messages = append(rec.Messages, SIMMessage{Leg: from, Sealed: sealed})
	}
	s.keys.put(c.Session, kcs)
	return rec, nil
}

// network returns the operator, made from the manufacturer's key file of
// every card it has shipped.
func (s *SIM) network() *sim.Operator {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.operator == nil {
		s.operator = sim.NewOperator("Mobile operator", s.maker.Database())
	}
	return s.operator
}

// Lose says what each leak gives away. A seized phone gives up nothing:
// the SIM cannot read out its Ki. An intercept breach plants a tap on
// every line in the switch, from now on.
func (s *SIM) Lose(id LeakID, t Target) ([]any, error) {
	switch id {
	case SIMDB:
		return []any{simKeys{ki: s.maker.Database()}}, nil
	case InterceptBreach:
		return []any{s.tapAll(t.At)}, nil
	case SessionKeyLeak:
		kcs, ok := s.keys.get(t.Session)
		if !ok {
			return nil, fmt.Errorf("no session %d", t.Session)
		}
		return []any{simKeys{sessions: map[int][2]sim.Kc{t.Session: kcs}}}, nil
	}
	return nil, nil
}

// Serve has the carrier's intercept function copy the target's calls, and
// their records, to the agency while the warrant is in force. The
// carrier honours the warrant's end.
func (s *SIM) Serve(w Warrant, now time.Time) (Service, error) {
	card := s.cards[w.Target]
	if card == nil {
		return Service{}, fmt.Errorf("%s has no SIM", w.Target.Name)
	}
	tap := &sim.Tap{Subscriber: card.IMSI(), From: now, Until: w.Ends, Lawful: true}
	s.sw.Install(tap)
	how := fmt.Sprintf("the carrier's intercept function copies %s's calls and call records to the agency until the end of %s", w.Target.Name, w.LastDay().Format("2 Jan 2006"))
	return Service{Items: []any{interceptAccess{tap: tap}}, How: how}, nil
}

// tapAll plants a tap on every line, as an intruder in the intercept
// system can, and notes whom the authorities are tapping.
func (s *SIM) tapAll(now time.Time) interceptAccess {
	tap := &sim.Tap{From: now}
	s.sw.Install(tap)
	a := interceptAccess{tap: tap, allRecords: true}
	for _, imsi := range s.sw.Targets(now) {
		a.targets = append(a.targets, fmt.Sprintf("%s (%s)", s.owners[imsi].Name, imsi))
	}
	return a
}

// Reveals says whom the authorities were tapping, if anyone.
func (a interceptAccess) Reveals() string {
	if len(a.targets) == 0 {
		return ""
	}
	return "lines under lawful intercept: " + strings.Join(a.targets, ", ")
}

// Opener combines every simKeys and interceptAccess item h holds.
func (s *SIM) Opener(h Holdings) (Opener, error) {
	o := &simOpener{s: s}
	for _, it := range h.Items(SIMID) {
		switch x := it.(type) {
		case simKeys:
			o.ki = mergeMaps(o.ki, x.ki)
			o.sessions = mergeMaps(o.sessions, x.sessions)
		case interceptAccess:
			o.taps = append(o.taps, x)
		}
	}
	return o, nil
}

// simOpener reads mobile calls with what one adversary holds.
type simOpener struct {
	s        *SIM
	ki       map[string]sim.Ki
	sessions map[int][2]sim.Kc
	taps     []interceptAccess
}

// Open reads a call with the radio keys the holder has, or can derive,
// and with whatever its taps copied in the switch.
func (o *simOpener) Open(c Capture) Opening {
	rec, ok := c.Record.(*SIMRecord)
	if !ok {
		return Opening{}
	}
	out := o.overTheAir(c.Session, rec)
	texts, who := o.intercepted(c.Session)
	if out.Texts == nil {
		out.Texts = texts
	}
	if out.Who == nil {
		out.Who = who
	}
	return out
}

// overTheAir uses a leaked session's keys, or derives each radio leg's Kc
// from the stolen Ki database: the challenge RAND is on the air, and the
// SRES beside it tells whose Ki to use, and so whose phone it is.
func (o *simOpener) overTheAir(session int, rec *SIMRecord) Opening {
	var out Opening
	kcs, haveKeys := o.sessions[session]
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

// intercepted returns what the holder's taps copied of a call, and whom
// the call records name: a tap's holder reads the records of the calls it
// copied, and an intruder in the intercept system reads every record.
func (o *simOpener) intercepted(call int) (texts []string, who []*Person) {
	for _, a := range o.taps {
		copied, ok := a.tap.Copied(call)
		if ok && texts == nil {
			texts = copied
		}
		if r, found := o.s.sw.Record(call); found && (ok || a.allRecords) && who == nil {
			who = []*Person{o.s.owners[r.From], o.s.owners[r.To]}
		}
	}
	return texts, who
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

// restoreSIM rebuilds, from its directory, a SIM network that holds no
// secret: the owner of each IMSI, enough to parse and open an archive's
// mobile calls.
func restoreSIM(dir []byte, people []*Person) (Reading, error) {
	owners, err := parseOwners(dir, "imsi,owner", people, parseIMSI)
	if err != nil {
		return nil, fmt.Errorf("directory: %w", err)
	}
	return &SIM{owners: owners}, nil
}

// Directory lists each SIM's IMSI and owner, as the operator's subscriber
// list would: a table headed imsi,owner.
func (s *SIM) Directory() ([]byte, error) {
	return ownerTable("imsi,owner", s.owners, func(imsi string) string { return imsi }), nil
}

// parseIMSI reads an IMSI: 6 to 15 decimal digits.
func parseIMSI(field string) (string, error) {
	if len(field) < 6 || len(field) > 15 || strings.Trim(field, "0123456789") != "" {
		return "", fmt.Errorf("IMSI %q is not 6 to 15 decimal digits", field)
	}
	return field, nil
}

// AppendRecord writes a mobile call: each leg's RAND and SRES, then how
// many messages, and each message's leg (0 or 1) and sealed bytes, sized
// by a prefix.
func (s *SIM) AppendRecord(dst []byte, r Record) ([]byte, error) {
	rec, ok := r.(*SIMRecord)
	if !ok {
		return nil, fmt.Errorf("a %T is not a %s record", r, SIMID)
	}
	if len(rec.Messages) > maxMessages {
		return nil, fmt.Errorf("%d messages, more than the %d a record holds", len(rec.Messages), maxMessages)
	}
	for _, leg := range rec.Legs {
		dst = append(append(dst, leg.RAND[:]...), leg.SRES[:]...)
	}
	dst = wire.AppendUint(dst, uint64(len(rec.Messages)))
	for _, m := range rec.Messages {
		if (m.Leg != 0 && m.Leg != 1) || len(m.Sealed) > maxMessage {
			return nil, fmt.Errorf("a message on leg %d of %d bytes: want leg 0 or 1 and at most %d bytes", m.Leg, len(m.Sealed), maxMessage)
		}
		dst = wire.AppendBytes(wire.AppendUint(dst, uint64(m.Leg)), m.Sealed)
	}
	return dst, nil
}

// ParseRecord reads a mobile call.
func (s *SIM) ParseRecord(b []byte) (Record, error) {
	r := wire.NewReader(b)
	rec := &SIMRecord{}
	for i := range rec.Legs {
		copy(rec.Legs[i].RAND[:], r.Fixed(sim.RANDSize))
		copy(rec.Legs[i].SRES[:], r.Fixed(sim.SRESSize))
	}
	for range r.Count(maxMessages, 2) {
		leg := int(r.Uint(1))
		rec.Messages = append(rec.Messages, SIMMessage{Leg: leg, Sealed: bytes.Clone(r.Bytes(maxMessage))})
	}
	if err := r.Done(); err != nil {
		return nil, err
	}
	return rec, nil
}

// KeyParts writes SIM key material. Its kinds, and the header of each
// one's table:
//
//	ki-db          imsi,ki: every card's Ki, as the SIM maker kept it
//	session-keys   session,caller_kc,callee_kc: the radio key Kc of each
//	               leg of a leaked call
//
// A tap in the switch copies only what passes from its day: it is not
// key material.
func (s *SIM) KeyParts(item any) ([]KeyPart, error) {
	k, ok := item.(simKeys)
	if !ok {
		return nil, fmt.Errorf("a %T: %w", item, ErrNotKeyMaterial)
	}
	var parts []KeyPart
	if k.ki != nil {
		var rows [][]string
		for imsi, ki := range k.ki {
			rows = append(rows, []string{imsi, hexOf(ki[:])})
		}
		parts = append(parts, KeyPart{Kind: "ki-db", Owner: simMakerName, Body: csvTable("imsi,ki", rows)})
	}
	if len(k.sessions) > 0 {
		var rows [][]string
		for _, n := range slices.Sorted(maps.Keys(k.sessions)) {
			kc := k.sessions[n]
			rows = append(rows, []string{sessionField(n), hexOf(kc[0][:]), hexOf(kc[1][:])})
		}
		parts = append(parts, KeyPart{Kind: "session-keys", Body: csvTable("session,caller_kc,callee_kc", rows)})
	}
	return parts, nil
}

// ParseItem reads the maker's Ki database or leaked radio keys.
func (s *SIM) ParseItem(kind string, body []byte) (any, error) {
	var k simKeys
	var err error
	switch kind {
	case "ki-db":
		k.ki, err = parseKiDB(body)
	case "session-keys":
		k.sessions, err = parseRadioKeys(body)
	default:
		return nil, fmt.Errorf("%q: %w", kind, ErrUnknownKind)
	}
	if err != nil {
		return nil, err
	}
	return k, nil
}

// parseKiDB reads the maker's database: each IMSI and its card's Ki.
func parseKiDB(body []byte) (map[string]sim.Ki, error) {
	m := map[string]sim.Ki{}
	err := parseCSV(body, "imsi,ki", func(f []string) error {
		imsi, err := parseIMSI(f[0])
		if err != nil {
			return err
		}
		var ki sim.Ki
		if err := hexField(ki[:], f[1], "Ki"); err != nil {
			return err
		}
		m[imsi] = ki
		return nil
	})
	return m, err
}

// parseRadioKeys reads leaked sessions' radio keys: the caller's leg's
// Kc, then the callee's.
func parseRadioKeys(body []byte) (map[int][2]sim.Kc, error) {
	m := map[int][2]sim.Kc{}
	err := parseCSV(body, "session,caller_kc,callee_kc", func(f []string) error {
		n, err := parseSession(f[0])
		if err != nil {
			return err
		}
		var kc [2]sim.Kc
		for i := range kc {
			if err := hexField(kc[i][:], f[1+i], "Kc"); err != nil {
				return err
			}
		}
		m[n] = kc
		return nil
	})
	return m, err
}
