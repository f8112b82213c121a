package attack

import (
	"cmp"
	"fmt"
	"io"
	"time"

	"github.com/escrowlab/escrowlab/escrow"
)

// ClipperID is the Escrowed Encryption Standard of 1994: Skipjack traffic
// with a LEAF, each chip's unit key split between two escrow agents.
const ClipperID SchemeID = "clipper"

// The two escrow agents named by the US government in February 1994.
const (
	FirstAgentName  = "NIST"
	SecondAgentName = "Treasury Automated Systems Division"
)

// The leaks of an escrow system. Each escrowed-chip scheme (clipper,
// threshold) says what it loses in each.
const (
	// FamilyKeyLeak: the family key KF alone.
	FamilyKeyLeak LeakID = "family-key"
	// Agent1DB: the first escrow agent's database.
	Agent1DB LeakID = "agent1-db"
	// Agent2DB: the second escrow agent's database.
	Agent2DB LeakID = "agent2-db"
	// EscrowDBs: every escrow agent's database and the family key.
	EscrowDBs LeakID = "escrow-dbs"
	// UnitKeyLeak: one person's unit key, with KF, kept by an officer after
	// a warrant expired.
	UnitKeyLeak LeakID = "unit-key"
)

func init() {
	RegisterScheme(SchemeInfo{
		ID: ClipperID, Title: "Clipper (key escrow)", Order: 10,
		Description: "the Escrowed Encryption Standard of 1994: Skipjack with a LEAF, each chip's unit key split between two escrow agents",
		Caveat:      "escrowlab's LEAF has the published size and fields, but its inside is escrowlab's own design, since the real construction was classified",
		Keys: []KeyInfo{
			{"family key KF", "every Clipper chip, and each decrypt processor: the machine the government uses to read LEAFs", "the outer envelope of every LEAF, which names the chip that sent it", "one key to the outer lock of every envelope"},
			{"unit key KU", "one chip; its two halves, KU1 and KU2, by the two escrow agents", "the inner envelope of that chip's LEAFs, and so every session key it ever sends", "the inner lock, different for each chip, with a copy cut in two and kept by two agents"},
			{"session key KS", "the two phones of one call", "that one call", "the key to one conversation"},
		},
		New: newClipper, Restore: restoreClipper, Lesson: clipperLesson,
	})
	RegisterLeak(LeakInfo{ID: FamilyKeyLeak, Words: "the family key KF", Order: 10})
	RegisterLeak(LeakInfo{ID: Agent1DB, Words: FirstAgentName + "'s database (escrow agent 1)", Order: 20})
	RegisterLeak(LeakInfo{ID: Agent2DB, Words: "the Treasury's database (escrow agent 2)", Order: 30})
	RegisterLeak(LeakInfo{ID: EscrowDBs, Words: "every database and KF", Order: 50})
	RegisterLeak(LeakInfo{ID: UnitKeyLeak, Words: "{person}'s unit key, kept", Needs: NeedsPerson, Order: 60})
}

// Clipper is the EES deployed in one world: a family key, the two escrow
// agents, the chip factory, a chip in each person's phone, and the session
// key of every call, as the two phones knew it.
type Clipper struct {
	family   *escrow.Family // nil when restored from an archive
	bits     int            // the LEAF checksum width
	agents   [2]*escrow.EscrowAgent
	facility *escrow.Facility
	chips    map[*Person]*escrow.Device
	owners   map[escrow.UnitID]*Person
	keys     *sessionStore[escrow.SessionKey]
}

// ClipperKeys is Clipper key material in an adversary's hands. Any field
// may be empty; an adversary's items are combined when it opens sessions.
type ClipperKeys struct {
	FamilyKey *escrow.FamilyKey
	Databases [2]map[escrow.UnitID]escrow.KeyComponent // each agent's, if it leaked
	UnitKeys  map[escrow.UnitID]escrow.UnitKey
	Sessions  map[int]escrow.SessionKey // session keys, by session
}

func newClipper(env Env) (Scheme, error) {
	bits := env.ChecksumBits
	if bits == 0 {
		bits = escrow.DefaultChecksumBits
	}
	kf, err := escrow.NewFamilyKey(env.Rand)
	if err != nil {
		return nil, err
	}
	family, err := escrow.NewFamily(kf, bits)
	if err != nil {
		return nil, err
	}
	c := &Clipper{
		family: family, bits: bits,
		agents: [2]*escrow.EscrowAgent{escrow.NewEscrowAgent(FirstAgentName), escrow.NewEscrowAgent(SecondAgentName)},
		chips:  map[*Person]*escrow.Device{}, owners: map[escrow.UnitID]*Person{}, keys: newSessionStore[escrow.SessionKey](env.Keep),
	}
	if c.facility, err = escrow.NewFacility(family, c.agents[0], c.agents[1]); err != nil {
		return nil, err
	}
	return c, nil
}

// Family returns the chip family: its family key and LEAF format.
func (c *Clipper) Family() *escrow.Family { return c.family }

// Agents returns the two escrow agents.
func (c *Clipper) Agents() [2]*escrow.EscrowAgent { return c.agents }

// Chip returns p's Clipper chip, or nil.
func (c *Clipper) Chip(p *Person) *escrow.Device { return c.chips[p] }

// Owner returns the person whose chip has unit ID id, or nil.
func (c *Clipper) Owner(id escrow.UnitID) *Person { return c.owners[id] }

// SessionKey returns the key both phones agreed for session, as they knew
// it: ground truth for narration, never given to an adversary except by a
// leak.
func (c *Clipper) SessionKey(session int) (escrow.SessionKey, bool) {
	return c.keys.get(session)
}

// UnitKey rebuilds p's unit key from the two agents' databases.
func (c *Clipper) UnitKey(p *Person) escrow.UnitKey {
	id := c.chips[p].UnitID()
	return escrow.CombineComponents(c.agents[0].Database()[id], c.agents[1].Database()[id])
}

// Enrol has the factory make p's chip and deposit the two halves of its
// unit key with the agents.
func (c *Clipper) Enrol(p *Person, rand io.Reader) error {
	d, err := c.facility.Manufacture(rand)
	if err != nil {
		return err
	}
	c.chips[p], c.owners[d.UnitID()] = d, p
	return nil
}

// Call holds a conversation on the two people's chips.
func (c *Clipper) Call(conv *Conversation, rand io.Reader) (Record, error) {
	rec, ks, err := chipCall(rand, conv, c.Chip)
	if err != nil {
		return nil, err
	}
	c.keys.put(conv.Session, ks)
	return rec, nil
}

// Lose says what each escrow leak gives away. A seized phone gives up
// nothing: the chip cannot read out its keys.
func (c *Clipper) Lose(id LeakID, t Target) ([]any, error) {
	kf := c.family.Key()
	dbs := [2]map[escrow.UnitID]escrow.KeyComponent{c.agents[0].Database(), c.agents[1].Database()}
	switch id {
	case FamilyKeyLeak:
		return []any{ClipperKeys{FamilyKey: &kf}}, nil
	case Agent1DB:
		return []any{ClipperKeys{Databases: [2]map[escrow.UnitID]escrow.KeyComponent{dbs[0], nil}}}, nil
	case Agent2DB:
		return []any{ClipperKeys{Databases: [2]map[escrow.UnitID]escrow.KeyComponent{nil, dbs[1]}}}, nil
	case EscrowDBs:
		return []any{ClipperKeys{FamilyKey: &kf, Databases: dbs}}, nil
	case UnitKeyLeak:
		if c.chips[t.Person] == nil {
			return nil, fmt.Errorf("%s has no chip", t.Person.Name)
		}
		return []any{ClipperKeys{FamilyKey: &kf, UnitKeys: map[escrow.UnitID]escrow.UnitKey{c.chips[t.Person].UnitID(): c.UnitKey(t.Person)}}}, nil
	case SessionKeyLeak:
		ks, ok := c.keys.get(t.Session)
		if !ok {
			return nil, fmt.Errorf("no session %d", t.Session)
		}
		return []any{ClipperKeys{Sessions: map[int]escrow.SessionKey{t.Session: ks}}}, nil
	}
	return nil, nil
}

// Opener combines every ClipperKeys item h holds. With KF it builds a
// decrypt processor holding each unit key it has or can rebuild from
// both databases. Where only one database leaked, the missing component
// counts as zero: the single component is tried as if it were the key,
// fails, and Measure shows that it did.
func (c *Clipper) Opener(h Holdings) (Opener, error) {
	var k ClipperKeys
	k.UnitKeys, k.Sessions = map[escrow.UnitID]escrow.UnitKey{}, map[int]escrow.SessionKey{}
	for _, it := range h.Items(ClipperID) {
		x, ok := it.(ClipperKeys)
		if !ok {
			continue
		}
		k.FamilyKey = cmp.Or(k.FamilyKey, x.FamilyKey)
		for i, db := range x.Databases {
			k.Databases[i] = mergeMaps(k.Databases[i], db)
		}
		k.UnitKeys = mergeMaps(k.UnitKeys, x.UnitKeys)
		k.Sessions = mergeMaps(k.Sessions, x.Sessions)
	}
	o := &chipOpener{sessions: k.Sessions, owner: c.Owner}
	if k.FamilyKey == nil {
		return o, nil
	}
	family, err := escrow.NewFamily(*k.FamilyKey, c.bits)
	if err != nil {
		return nil, err
	}
	o.proc = escrow.NewDecryptProcessor(family)
	for _, db := range k.Databases {
		for id := range db {
			o.proc.AddUnitKey(id, escrow.CombineComponents(k.Databases[0][id], k.Databases[1][id]))
		}
	}
	for id, ku := range k.UnitKeys {
		o.proc.AddUnitKey(id, ku)
	}
	return o, nil
}

// Serve follows the procedures of February 1994: the agency certifies to
// each escrow agent the unit ID of the target's chip, the docket number of
// the order and the date its authority ends; both agents release their
// components; the agency's decrypt processor rebuilds the unit key. The
// key has no end date.
func (c *Clipper) Serve(w Warrant, now time.Time) (Service, error) {
	chip := c.chips[w.Target]
	if chip == nil {
		return Service{}, fmt.Errorf("%s has no chip", w.Target.Name)
	}
	cert := escrow.Certification{Agency: w.Agency, UnitID: chip.UnitID(), Docket: w.Docket, Begins: w.Begins, Ends: w.Ends}
	var halves [2]escrow.KeyComponent
	for i, a := range c.agents {
		k, err := a.Release(cert, now)
		if err != nil {
			return Service{}, err
		}
		halves[i] = k
	}
	kf := c.family.Key()
	keys := ClipperKeys{FamilyKey: &kf, UnitKeys: map[escrow.UnitID]escrow.UnitKey{cert.UnitID: escrow.CombineComponents(halves[0], halves[1])}}
	how := fmt.Sprintf("the agency certified %s's unit ID (%s) and docket %s to both escrow agents, which released their halves of the unit key; the rebuilt key has no end date", w.Target.Name, cert.UnitID, w.Docket)
	return Service{Items: []any{keys}, How: how}, nil
}

// Directory lists each chip's unit ID and owner, as the agents' records
// and the carriers' subscriber lists would, and the LEAF checksum width.
func (c *Clipper) Directory() ([]byte, error) { return chipDirectory(c.bits, c.owners), nil }

// restoreClipper rebuilds, from its directory, a Clipper that holds no
// secret: enough to parse and open an archive's Clipper calls.
func restoreClipper(dir []byte, people []*Person) (Reading, error) {
	bits, owners, err := parseChipDirectory(dir, people)
	if err != nil {
		return nil, err
	}
	return &Clipper{bits: bits, owners: owners}, nil
}

// AppendRecord writes a Clipper call.
func (c *Clipper) AppendRecord(dst []byte, r Record) ([]byte, error) {
	rec, ok := r.(*ChipRecord)
	if !ok {
		return nil, fmt.Errorf("a %T is not a Clipper record", r)
	}
	if err := checkChipRecord(rec, escrow.LEAFSize(c.bits)); err != nil {
		return nil, err
	}
	return appendChipRecord(dst, rec), nil
}

// ParseRecord reads a Clipper call.
func (c *Clipper) ParseRecord(b []byte) (Record, error) {
	return parseChipRecord(b, escrow.LEAFSize(c.bits))
}

// KeyParts writes Clipper key material: the family key, each agent's
// database, unit keys and session keys, each in a file of its own.
func (c *Clipper) KeyParts(item any) ([]KeyPart, error) {
	k, ok := item.(ClipperKeys)
	if !ok {
		return nil, fmt.Errorf("a %T: %w", item, ErrNotKeyMaterial)
	}
	var parts []KeyPart
	if k.FamilyKey != nil {
		parts = append(parts, KeyPart{Kind: "family-key", Body: csvTable("family_key", [][]string{{hexOf(k.FamilyKey[:])}})})
	}
	for i, name := range []string{FirstAgentName, SecondAgentName} {
		if k.Databases[i] != nil {
			parts = append(parts, KeyPart{Kind: fmt.Sprintf("agent%d-db", i+1), Owner: name, Body: componentTable(k.Databases[i])})
		}
	}
	if len(k.UnitKeys) > 0 {
		parts = append(parts, KeyPart{Kind: "unit-keys", Owner: ownersOf(k.UnitKeys, c.owners), Body: unitKeyTable(k.UnitKeys)})
	}
	if len(k.Sessions) > 0 {
		parts = append(parts, KeyPart{Kind: "session-keys", Body: sessionKeyTable(k.Sessions)})
	}
	return parts, nil
}

// ParseItem reads one Clipper key file.
func (c *Clipper) ParseItem(kind string, body []byte) (any, error) {
	var k ClipperKeys
	var err error
	switch kind {
	case "family-key":
		k.FamilyKey, err = parseFamilyKey(body)
	case "agent1-db", "agent2-db":
		k.Databases[kind[5]-'1'], err = parseComponents(body)
	case "unit-keys":
		k.UnitKeys, err = parseUnitKeys(body)
	case "session-keys":
		k.Sessions, err = parseSessionKeys(body)
	default:
		return nil, fmt.Errorf("%q: %w", kind, ErrUnknownKind)
	}
	if err != nil {
		return nil, err
	}
	return k, nil
}

// clipperLesson reads the escrow leaks of a matrix: the databases with the
// family key open every call, past and future; the family key alone
// names every caller.
func clipperLesson(m *Matrix) string {
	dbs, ok := m.Cell(EscrowDBs, ClipperID)
	if !ok {
		return ""
	}
	s := fmt.Sprintf("Escrow is a single point of failure: the escrow databases with the family key opened %d/%d calls under Clipper, %d of them made after the leak.", dbs.Opened, dbs.Total, dbs.OpenedAfter)
	if kf, ok := m.Cell(FamilyKeyLeak, ClipperID); ok {
		s += fmt.Sprintf(" The family key alone opened %d but revealed who called whom in %d/%d.", kf.Opened, kf.Metadata, kf.Total)
	}
	return s
}
