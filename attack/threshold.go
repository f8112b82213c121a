package attack

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/escrowlab/escrowlab/escrow"
)

// ThresholdID is Clipper with each unit key split k-of-n among n escrow
// agents instead of 2-of-2 between two. It is the worked example of
// docs/extending.md: a complete scheme, with the leak it adds, in one file.
const ThresholdID SchemeID = "threshold"

// QuorumDBs is the leak the threshold scheme adds: just enough agents'
// databases to rebuild every unit key, with the family key. A scheme with
// no rule of its own for it loses what it loses when every database
// leaks: for Clipper's two agents, a quorum is both.
const QuorumDBs LeakID = "quorum-dbs"

// The threshold arrangement: each unit key split into ThresholdN shares,
// any ThresholdK of which rebuild it.
const (
	ThresholdN = 5
	ThresholdK = 3
)

func init() {
	RegisterScheme(SchemeInfo{
		ID: ThresholdID, Title: "threshold escrow", Order: 20,
		Description: fmt.Sprintf("Clipper with each unit key split %d-of-%d among %d escrow agents", ThresholdK, ThresholdN, ThresholdN),
		Caveat:      "threshold escrow is a proposed fix that escrowlab models to test it; its chips carry escrowlab's own LEAF",
		Keys: []KeyInfo{
			{"shared unit key", fmt.Sprintf("one chip; %d escrow agents each hold a share", ThresholdN), "every session key that chip sends, and so every call", fmt.Sprintf("a key cut into %d pieces, any %d of which open the lock", ThresholdN, ThresholdK)},
		},
		New: newThreshold, Restore: restoreThreshold,
	})
	RegisterLeak(LeakInfo{ID: QuorumDBs, Words: "a quorum of databases, KF", Like: EscrowDBs, Order: 40})
}

// Threshold is threshold escrow deployed in one world: its own chip family
// and family key, ThresholdN escrow agents, a chip in each person's phone,
// and the session key of every call, as the two phones knew it.
type Threshold struct {
	family   *escrow.Family // nil when restored from an archive
	bits     int            // the LEAF checksum width
	agents   []*escrow.EscrowAgent
	facility *escrow.ThresholdFacility
	chips    map[*Person]*escrow.Device
	owners   map[escrow.UnitID]*Person
	keys     *sessionStore[escrow.SessionKey] // by session
}

// thresholdKeys is threshold key material in an adversary's hands.
type thresholdKeys struct {
	familyKey *escrow.FamilyKey
	shares    map[int]map[escrow.UnitID]escrow.KeyComponent // agents' databases, by agent number from 0
	unitKeys  map[escrow.UnitID]escrow.UnitKey
	sessions  map[int]escrow.SessionKey
}

func newThreshold(env Env) (Scheme, error) {
	bits := cmp.Or(env.ChecksumBits, escrow.DefaultChecksumBits)
	kf, err := escrow.NewFamilyKey(env.Rand)
	if err != nil {
		return nil, err
	}
	family, err := escrow.NewFamily(kf, bits)
	if err != nil {
		return nil, err
	}
	t := &Threshold{family: family, bits: bits, chips: map[*Person]*escrow.Device{}, owners: map[escrow.UnitID]*Person{}, keys: newSessionStore[escrow.SessionKey](env.Keep)}
	for i := range ThresholdN {
		t.agents = append(t.agents, escrow.NewEscrowAgent(thresholdAgentName(i)))
	}
	if t.facility, err = escrow.NewThresholdFacility(family, ThresholdK, t.agents); err != nil {
		return nil, err
	}
	return t, nil
}

// Enrol has the factory make p's chip and deposit one share of its unit
// key with each agent.
func (t *Threshold) Enrol(p *Person, rand io.Reader) error {
	d, err := t.facility.Manufacture(rand)
	if err != nil {
		return err
	}
	t.chips[p], t.owners[d.UnitID()] = d, p
	return nil
}

// thresholdAgentName names escrow agent i, counting from 0: "Escrow agent
// A" to "Escrow agent E".
func thresholdAgentName(i int) string { return fmt.Sprintf("Escrow agent %c", 'A'+i) }

func (t *Threshold) chip(p *Person) *escrow.Device  { return t.chips[p] }
func (t *Threshold) owner(id escrow.UnitID) *Person { return t.owners[id] }

// Call holds a conversation on the two people's chips.
func (t *Threshold) Call(c *Conversation, rand io.Reader) (Record, error) {
	rec, ks, err := chipCall(rand, c, t.chip)
	if err != nil {
		return nil, err
	}
	t.keys.put(c.Session, ks)
	return rec, nil
}

// Lose says what each escrow leak gives away: agent 1 and agent 2 are the
// first two of the ThresholdN agents.
func (t *Threshold) Lose(id LeakID, target Target) ([]any, error) {
	kf := t.family.Key()
	switch id {
	case FamilyKeyLeak:
		return []any{thresholdKeys{familyKey: &kf}}, nil
	case Agent1DB:
		return t.databases(nil, 1, 1), nil
	case Agent2DB:
		return t.databases(nil, 2, 2), nil
	case QuorumDBs:
		return t.databases(&kf, 1, ThresholdK), nil
	case EscrowDBs:
		return t.databases(&kf, 1, ThresholdN), nil
	case UnitKeyLeak:
		d := t.chips[target.Person]
		if d == nil {
			return nil, fmt.Errorf("%s has no threshold chip", target.Person.Name)
		}
		shares := map[int]escrow.KeyComponent{}
		for i, a := range t.agents {
			shares[i] = a.Database()[d.UnitID()]
		}
		ku, err := escrow.CombineShares(shares)
		if err != nil {
			return nil, err
		}
		return []any{thresholdKeys{familyKey: &kf, unitKeys: map[escrow.UnitID]escrow.UnitKey{d.UnitID(): ku}}}, nil
	case SessionKeyLeak:
		ks, ok := t.keys.get(target.Session)
		if !ok {
			return nil, fmt.Errorf("no session %d", target.Session)
		}
		return []any{thresholdKeys{sessions: map[int]escrow.SessionKey{target.Session: ks}}}, nil
	}
	return nil, nil
}

// databases is a leak of the databases of agents first to last (counting
// from 1), with the family key if kf is not nil.
func (t *Threshold) databases(kf *escrow.FamilyKey, first, last int) []any {
	k := thresholdKeys{familyKey: kf, shares: map[int]map[escrow.UnitID]escrow.KeyComponent{}}
	for i := first - 1; i < last; i++ {
		k.shares[i] = t.agents[i].Database()
	}
	return []any{k}
}

// Opener combines every thresholdKeys item h holds. With KF it builds a
// decrypt processor holding each unit key it has or can interpolate from
// the shares it holds: with fewer than ThresholdK shares the interpolation
// yields a wrong key, as it must, and Measure shows that it fails.
func (t *Threshold) Opener(h Holdings) (Opener, error) {
	k := thresholdKeys{shares: map[int]map[escrow.UnitID]escrow.KeyComponent{}, unitKeys: map[escrow.UnitID]escrow.UnitKey{}, sessions: map[int]escrow.SessionKey{}}
	for _, it := range h.Items(ThresholdID) {
		x, ok := it.(thresholdKeys)
		if !ok {
			continue
		}
		k.familyKey = cmp.Or(k.familyKey, x.familyKey)
		for i, db := range x.shares {
			k.shares[i] = mergeMaps(k.shares[i], db)
		}
		k.unitKeys = mergeMaps(k.unitKeys, x.unitKeys)
		k.sessions = mergeMaps(k.sessions, x.sessions)
	}
	o := &chipOpener{sessions: k.sessions, owner: t.owner}
	if k.familyKey == nil {
		return o, nil
	}
	family, err := escrow.NewFamily(*k.familyKey, t.bits)
	if err != nil {
		return nil, err
	}
	o.proc = escrow.NewDecryptProcessor(family)
	byUnit := map[escrow.UnitID]map[int]escrow.KeyComponent{}
	for agent, db := range k.shares {
		for id, c := range db {
			if byUnit[id] == nil {
				byUnit[id] = map[int]escrow.KeyComponent{}
			}
			byUnit[id][agent] = c
		}
	}
	for id, shares := range byUnit {
		ku, err := escrow.CombineShares(shares)
		if err != nil {
			return nil, err
		}
		o.proc.AddUnitKey(id, ku)
	}
	for id, ku := range k.unitKeys {
		o.proc.AddUnitKey(id, ku)
	}
	return o, nil
}

// Serve certifies the target's unit ID, the docket number and the end of
// the authority to the first ThresholdK agents, and rebuilds the unit key
// from their shares. Like Clipper's, the key has no end date.
func (t *Threshold) Serve(w Warrant, now time.Time) (Service, error) {
	chip := t.chips[w.Target]
	if chip == nil {
		return Service{}, fmt.Errorf("%s has no threshold chip", w.Target.Name)
	}
	cert := escrow.Certification{Agency: w.Agency, UnitID: chip.UnitID(), Docket: w.Docket, Begins: w.Begins, Ends: w.Ends}
	shares := map[int]escrow.KeyComponent{}
	for i, a := range t.agents[:ThresholdK] {
		k, err := a.Release(cert, now)
		if err != nil {
			return Service{}, err
		}
		shares[i] = k
	}
	ku, err := escrow.CombineShares(shares)
	if err != nil {
		return Service{}, err
	}
	kf := t.family.Key()
	keys := thresholdKeys{familyKey: &kf, unitKeys: map[escrow.UnitID]escrow.UnitKey{cert.UnitID: ku}}
	how := fmt.Sprintf("the agency certified %s's unit ID and docket %s to %d of the %d escrow agents, which released their shares; the rebuilt unit key has no end date", w.Target.Name, w.Docket, ThresholdK, ThresholdN)
	return Service{Items: []any{keys}, How: how}, nil
}

// Directory lists each chip's unit ID and owner, and the LEAF checksum
// width, as Clipper's does. The agents and the quorum need no entry: a
// share's agent, and so its place in the interpolation, is in the name of
// its key file.
func (t *Threshold) Directory() ([]byte, error) { return chipDirectory(t.bits, t.owners), nil }

// restoreThreshold rebuilds, from its directory, a Threshold that holds no
// secret: enough to parse and open an archive's threshold calls.
func restoreThreshold(dir []byte, people []*Person) (Reading, error) {
	bits, owners, err := parseChipDirectory(dir, people)
	if err != nil {
		return nil, err
	}
	return &Threshold{bits: bits, owners: owners}, nil
}

// AppendRecord writes a threshold call, laid out as a Clipper call: the
// two key-exchange values, then how many transmissions, and each one's
// LEAF, IV and ciphertext.
func (t *Threshold) AppendRecord(dst []byte, r Record) ([]byte, error) {
	rec, ok := r.(*ChipRecord)
	if !ok {
		return nil, fmt.Errorf("a %T is not a threshold record", r)
	}
	if err := checkChipRecord(rec, escrow.LEAFSize(t.bits)); err != nil {
		return nil, err
	}
	return appendChipRecord(dst, rec), nil
}

// ParseRecord reads a threshold call.
func (t *Threshold) ParseRecord(b []byte) (Record, error) {
	return parseChipRecord(b, escrow.LEAFSize(t.bits))
}

// KeyParts writes threshold key material, each piece in a file of its
// own. Its kinds, and the header of each one's table:
//
//	family-key                  family_key: the family key KF
//	agent-a-db ... agent-e-db   unit_id,share: each chip's share of its unit
//	                            key, as agent A (whose shares are the points
//	                            at x = 1) to agent E (x = 5) held it
//	unit-keys                   unit_id,unit_key: whole unit keys
//	session-keys                session,session_key
func (t *Threshold) KeyParts(item any) ([]KeyPart, error) {
	k, ok := item.(thresholdKeys)
	if !ok {
		return nil, fmt.Errorf("a %T: %w", item, ErrNotKeyMaterial)
	}
	var parts []KeyPart
	if k.familyKey != nil {
		parts = append(parts, KeyPart{Kind: "family-key", Body: keyRow("family_key", k.familyKey[:])})
	}
	for _, i := range slices.Sorted(maps.Keys(k.shares)) {
		kind := fmt.Sprintf("agent-%c-db", 'a'+i)
		parts = append(parts, KeyPart{Kind: kind, Owner: thresholdAgentName(i), Body: keyTable("unit_id,share", k.shares[i])})
	}
	if len(k.unitKeys) > 0 {
		parts = append(parts, KeyPart{Kind: "unit-keys", Owner: ownersOf(k.unitKeys, t.owners), Body: unitKeyTable(k.unitKeys)})
	}
	if len(k.sessions) > 0 {
		parts = append(parts, KeyPart{Kind: "session-keys", Body: sessionKeyTable(k.sessions)})
	}
	return parts, nil
}

// ParseItem reads one threshold key file.
func (t *Threshold) ParseItem(kind string, body []byte) (any, error) {
	var k thresholdKeys
	var err error
	agent, isAgent := thresholdAgent(kind)
	switch {
	case kind == "family-key":
		k.familyKey, err = parseFamilyKey(body)
	case isAgent:
		var db map[escrow.UnitID]escrow.KeyComponent
		db, err = parseKeyTable[escrow.KeyComponent](body, "unit_id,share")
		k.shares = map[int]map[escrow.UnitID]escrow.KeyComponent{agent: db}
	case kind == "unit-keys":
		k.unitKeys, err = parseUnitKeys(body)
	case kind == "session-keys":
		k.sessions, err = parseSessionKeys(body)
	default:
		return nil, fmt.Errorf("%q: %w", kind, ErrUnknownKind)
	}
	if err != nil {
		return nil, err
	}
	return k, nil
}

// thresholdAgent reads the agent a key file's kind names, "agent-a-db" to
// "agent-e-db", as its number from 0.
func thresholdAgent(kind string) (int, bool) {
	letter, ok1 := strings.CutPrefix(kind, "agent-")
	letter, ok2 := strings.CutSuffix(letter, "-db")
	if !ok1 || !ok2 || len(letter) != 1 || letter[0] < 'a' || letter[0] >= 'a'+ThresholdN {
		return 0, false
	}
	return int(letter[0] - 'a'), true
}
