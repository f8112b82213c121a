package attack

import (
	"crypto/ed25519"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/escrowlab/escrowlab/e2e"
	"github.com/escrowlab/escrowlab/internal/wire"
)

// Helpers for the archives and key files of the end-to-end schemes: the
// directory of identity keys, the handshake record, seized identity keys
// and leaked session keys.

// Directory lists each identity key and its owner, as a key server
// would.
func (ids identities) directory() []byte {
	var rows [][]string
	for k, p := range ids.owners {
		rows = append(rows, []string{k, p.Name})
	}
	return csvTable("identity_key,owner", rows)
}

// restoreIdentities rebuilds the owners of identity keys from a
// directory, with no private key.
func restoreIdentities(dir []byte, people []*Person) (identities, error) {
	byName := map[string]*Person{}
	for _, p := range people {
		byName[p.Name] = p
	}
	ids := newIdentities()
	err := parseCSV(dir, "identity_key,owner", func(f []string) error {
		var k [ed25519.PublicKeySize]byte
		if err := hexField(k[:], f[0], "identity key"); err != nil {
			return err
		}
		if byName[f[1]] == nil || len(ids.owners) >= maxPeople {
			return fmt.Errorf("owner %q is not among the archive's people", f[1])
		}
		ids.owners[hexKey(k[:])] = byName[f[1]]
		return nil
	})
	if err != nil {
		return identities{}, fmt.Errorf("directory: %w", err)
	}
	return ids, nil
}

// appendHandshake writes a handshake record: hello, reply, then each
// sealed message sized by a prefix.
func appendHandshake(dst []byte, rec *HandshakeRecord) []byte {
	dst = append(append(dst, rec.Hello...), rec.Reply...)
	dst = wire.AppendUint(dst, uint64(len(rec.Sealed)))
	for _, s := range rec.Sealed {
		dst = wire.AppendBytes(dst, s)
	}
	return dst
}

// readHandshake reads what appendHandshake wrote; the caller checks r.
func readHandshake(r *wire.Reader) *HandshakeRecord {
	rec := &HandshakeRecord{Hello: slices.Clone(r.Fixed(e2e.HelloSize)), Reply: slices.Clone(r.Fixed(e2e.ReplySize))}
	for range r.Count(maxMessages, 1) {
		rec.Sealed = append(rec.Sealed, slices.Clone(r.Bytes(maxMessage)))
	}
	return rec
}

// parseHandshake reads a record that is a handshake and nothing more.
func parseHandshake(b []byte) (*HandshakeRecord, error) {
	r := wire.NewReader(b)
	rec := readHandshake(r)
	return rec, r.Done()
}

// keyParts writes the key material of a forward-secret app: a seized
// identity key, or leaked session keys.
func (ids identities) keyParts(item any) ([]KeyPart, error) {
	switch x := item.(type) {
	case seizedIdentity:
		owner := ""
		if p := ids.owners[hexKey(x.key.Public().(ed25519.PublicKey))]; p != nil {
			owner = p.Name
		}
		return []KeyPart{{Kind: "identity-key", Owner: owner, Body: csvTable("identity_key_seed", [][]string{{hexOf(x.key.Seed())}})}}, nil
	case e2eSessions:
		var rows [][]string
		for _, n := range slices.Sorted(maps.Keys(x)) {
			k := x[n]
			rows = append(rows, []string{fmt.Sprintf("%010d", n), hexOf(k.InitiatorToResponder[:]), hexOf(k.ResponderToInitiator[:])})
		}
		return []KeyPart{{Kind: "session-keys", Body: csvTable("session,initiator_to_responder,responder_to_initiator", rows)}}, nil
	}
	return nil, fmt.Errorf("a %T: %w", item, ErrNotKeyMaterial)
}

// parseItem reads a key file written by keyParts.
func (ids identities) parseItem(kind string, body []byte) (any, error) {
	switch kind {
	case "identity-key":
		var key ed25519.PrivateKey
		err := parseCSV(body, "identity_key_seed", func(f []string) error {
			var seed [ed25519.SeedSize]byte
			if err := hexField(seed[:], f[0], "identity key seed"); err != nil || key != nil {
				return fmt.Errorf("want one identity key seed of %d bytes in hexadecimal", ed25519.SeedSize)
			}
			key = ed25519.NewKeyFromSeed(seed[:])
			return nil
		})
		if err == nil && key == nil {
			err = fmt.Errorf("no identity key")
		}
		return seizedIdentity{key}, err
	case "session-keys":
		m := e2eSessions{}
		err := parseCSV(body, "session,initiator_to_responder,responder_to_initiator", func(f []string) error {
			n, err := strconv.Atoi(f[0])
			if err != nil || n < 1 {
				return fmt.Errorf("session %q is not a positive number", f[0])
			}
			var k e2e.Keys
			if err := hexField(k.InitiatorToResponder[:], f[1], "key"); err != nil {
				return err
			}
			if err := hexField(k.ResponderToInitiator[:], f[2], "key"); err != nil {
				return err
			}
			m[n] = k
			return nil
		})
		return m, err
	}
	return nil, fmt.Errorf("%q: %w", kind, ErrUnknownKind)
}
