package attack

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/escrowlab/escrowlab/escrow"
)

// Helpers for the directories and key files of the escrowed-chip schemes
// (clipper, threshold): unit IDs and owners, the family key, escrow
// databases, unit keys and session keys as CSV tables.

// chipDirectory writes the LEAF checksum width, then each chip's unit ID
// and owner.
func chipDirectory(bits int, owners map[escrow.UnitID]*Person) []byte {
	return append([]byte(fmt.Sprintf("checksum_bits,%d\n", bits)), ownerTable("unit_id,owner", owners, escrow.UnitID.String)...)
}

// parseChipDirectory reads what chipDirectory wrote, naming owners from
// people.
func parseChipDirectory(dir []byte, people []*Person) (int, map[escrow.UnitID]*Person, error) {
	first, rest, _ := strings.Cut(string(dir), "\n")
	bits, err := strconv.Atoi(strings.TrimPrefix(first, "checksum_bits,"))
	if !strings.HasPrefix(first, "checksum_bits,") || err != nil || bits < escrow.MinChecksumBits || bits > escrow.MaxChecksumBits {
		return 0, nil, fmt.Errorf("directory: the first line should be checksum_bits,N with N from %d to %d", escrow.MinChecksumBits, escrow.MaxChecksumBits)
	}
	owners, err := parseOwners([]byte(rest), "unit_id,owner", people, parseUnitID)
	if err != nil {
		return 0, nil, fmt.Errorf("directory: %w", err)
	}
	return bits, owners, nil
}

// parseUnitID reads a unit ID written as eight hexadecimal digits.
func parseUnitID(s string) (escrow.UnitID, error) {
	n, err := strconv.ParseUint(s, 16, 32)
	if err != nil || len(s) != 8 {
		return 0, fmt.Errorf("unit ID %q is not eight hexadecimal digits", s)
	}
	return escrow.UnitID(n), nil
}

// ownersOf names the owners of the chips whose keys m holds.
func ownersOf[V any](m map[escrow.UnitID]V, owners map[escrow.UnitID]*Person) string {
	var names []string
	for id := range m {
		if p := owners[id]; p != nil {
			names = append(names, p.Name)
		}
	}
	slices.Sort(names)
	return strings.Join(names, " ")
}

// keyTable writes a map of unit IDs to ten-byte keys as a table.
func keyTable[K ~[escrow.KeySize]byte](header string, m map[escrow.UnitID]K) []byte {
	var rows [][]string
	for _, id := range slices.Sorted(maps.Keys(m)) {
		k := m[id]
		rows = append(rows, []string{id.String(), hexOf(k[:])})
	}
	return csvTable(header, rows)
}

// parseKeyTable reads a table written by keyTable.
func parseKeyTable[K ~[escrow.KeySize]byte](body []byte, header string) (map[escrow.UnitID]K, error) {
	m := map[escrow.UnitID]K{}
	err := parseCSV(body, header, func(f []string) error {
		id, err := parseUnitID(f[0])
		if err != nil {
			return err
		}
		var k K
		if err := hexField(k[:], f[1], "key"); err != nil {
			return err
		}
		m[id] = k
		return nil
	})
	return m, err
}

func componentTable(m map[escrow.UnitID]escrow.KeyComponent) []byte {
	return keyTable("unit_id,component", m)
}

func parseComponents(body []byte) (map[escrow.UnitID]escrow.KeyComponent, error) {
	return parseKeyTable[escrow.KeyComponent](body, "unit_id,component")
}

func unitKeyTable(m map[escrow.UnitID]escrow.UnitKey) []byte { return keyTable("unit_id,unit_key", m) }

func parseUnitKeys(body []byte) (map[escrow.UnitID]escrow.UnitKey, error) {
	return parseKeyTable[escrow.UnitKey](body, "unit_id,unit_key")
}

// sessionKeyTable writes session keys by session number.
func sessionKeyTable(m map[int]escrow.SessionKey) []byte {
	var rows [][]string
	for _, n := range slices.Sorted(maps.Keys(m)) {
		k := m[n]
		rows = append(rows, []string{sessionField(n), hexOf(k[:])})
	}
	return csvTable("session,session_key", rows)
}

// parseSessionKeys reads a table written by sessionKeyTable.
func parseSessionKeys(body []byte) (map[int]escrow.SessionKey, error) {
	m := map[int]escrow.SessionKey{}
	err := parseCSV(body, "session,session_key", func(f []string) error {
		n, err := parseSession(f[0])
		if err != nil {
			return err
		}
		var k escrow.SessionKey
		if err := hexField(k[:], f[1], "session key"); err != nil {
			return err
		}
		m[n] = k
		return nil
	})
	return m, err
}

// parseFamilyKey reads a one-row table holding the family key.
func parseFamilyKey(body []byte) (*escrow.FamilyKey, error) {
	var kf *escrow.FamilyKey
	err := parseCSV(body, "family_key", func(f []string) error {
		if kf != nil {
			return fmt.Errorf("a second family key")
		}
		kf = new(escrow.FamilyKey)
		return hexField(kf[:], f[0], "family key")
	})
	if err == nil && kf == nil {
		err = fmt.Errorf("no family key")
	}
	return kf, err
}
