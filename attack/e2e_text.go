package attack

import (
	"crypto/ecdh"
	"crypto/ed25519"
	"fmt"
	"maps"
	"slices"

	"github.com/escrowlab/escrowlab/e2e"
	"github.com/escrowlab/escrowlab/internal/wire"
)

// Helpers for the archives and key files of the end-to-end schemes: the
// directory of identity keys, the handshake record, seized identity keys
// and leaked session keys.

// Directory lists each identity key and its owner, as a key server
// would.
func (ids identities) directory() []byte {
	return ownerTable("identity_key,owner", ids.owners, func(k string) string { return k })
}

// restoreIdentities rebuilds the owners of identity keys from a
// directory, with no private key.
func restoreIdentities(dir []byte, people []*Person) (identities, error) {
	owners, err := parseOwners(dir, "identity_key,owner", people, func(f string) (string, error) {
		return parsePublicKey(f, "identity key", ed25519.PublicKeySize)
	})
	if err != nil {
		return identities{}, fmt.Errorf("directory: %w", err)
	}
	ids := newIdentities()
	ids.owners = owners
	return ids, nil
}

// parsePublicKey reads a public key of size bytes in hexadecimal, and
// returns it as the owners maps name it: in lower case.
func parsePublicKey(field, what string, size int) (string, error) {
	k := make([]byte, size)
	if err := hexField(k, field, what); err != nil {
		return "", err
	}
	return hexOf(k), nil
}

// appendHandshake writes a handshake record: hello, reply, then each
// sealed message sized by a prefix.
func appendHandshake(dst []byte, rec *HandshakeRecord) []byte {
	dst = append(append(dst, rec.Hello...), rec.Reply...)
	return appendSealed(dst, rec.Sealed)
}

// readHandshake reads what appendHandshake wrote; the caller checks r.
func readHandshake(r *wire.Reader) *HandshakeRecord {
	rec := &HandshakeRecord{Hello: slices.Clone(r.Fixed(e2e.HelloSize)), Reply: slices.Clone(r.Fixed(e2e.ReplySize))}
	rec.Sealed = readSealed(r)
	return rec
}

// parseHandshake reads a record that is a handshake and nothing more.
func parseHandshake(b []byte) (*HandshakeRecord, error) {
	r := wire.NewReader(b)
	rec := readHandshake(r)
	return rec, r.Done()
}

// checkHandshake refuses a handshake record that parseHandshake could not
// read back: a hello or reply of the wrong size, or messages beyond the
// limits.
func checkHandshake(rec *HandshakeRecord) error {
	if len(rec.Hello) != e2e.HelloSize || len(rec.Reply) != e2e.ReplySize {
		return fmt.Errorf("a hello of %d bytes and a reply of %d, want %d and %d", len(rec.Hello), len(rec.Reply), e2e.HelloSize, e2e.ReplySize)
	}
	return checkSealed(rec.Sealed)
}

// appendSealed writes sealed messages: how many, then each sized by a
// prefix.
func appendSealed(dst []byte, sealed [][]byte) []byte {
	dst = wire.AppendUint(dst, uint64(len(sealed)))
	for _, s := range sealed {
		dst = wire.AppendBytes(dst, s)
	}
	return dst
}

// readSealed reads what appendSealed wrote; the caller checks r.
func readSealed(r *wire.Reader) [][]byte {
	var sealed [][]byte
	for range r.Count(maxMessages, 1) {
		sealed = append(sealed, slices.Clone(r.Bytes(maxMessage)))
	}
	return sealed
}

// checkSealed refuses more messages, or longer ones, than readSealed
// reads.
func checkSealed(sealed [][]byte) error {
	if len(sealed) > maxMessages {
		return fmt.Errorf("%d messages, more than the %d a record holds", len(sealed), maxMessages)
	}
	for _, s := range sealed {
		if len(s) > maxMessage {
			return fmt.Errorf("a sealed message of %d bytes, more than the %d a record holds", len(s), maxMessage)
		}
	}
	return nil
}

// keyParts writes the key material of a forward-secret app: a seized
// identity key, or leaked session keys.
func (ids identities) keyParts(item any) ([]KeyPart, error) {
	switch x := item.(type) {
	case seizedIdentity:
		if x.key == nil {
			return nil, fmt.Errorf("a seized identity key with no key: %w", ErrNotKeyMaterial)
		}
		owner := ""
		if p := ids.owners[hexKey(x.key.Public().(ed25519.PublicKey))]; p != nil {
			owner = p.Name
		}
		return []KeyPart{{Kind: "identity-key", Owner: owner, Body: keyRow("identity_key_seed", x.key.Seed())}}, nil
	case e2eSessions:
		return []KeyPart{{Kind: "session-keys", Body: e2eSessionTable(x)}}, nil
	}
	return nil, fmt.Errorf("a %T: %w", item, ErrNotKeyMaterial)
}

// parseItem reads a key file written by keyParts.
func (ids identities) parseItem(kind string, body []byte) (any, error) {
	switch kind {
	case "identity-key":
		seed, err := parseKeyRow(body, "identity_key_seed", "identity key seed", ed25519.SeedSize)
		if err != nil {
			return nil, err
		}
		return seizedIdentity{ed25519.NewKeyFromSeed(seed)}, nil
	case "session-keys":
		return parseE2ESessions(body)
	}
	return nil, fmt.Errorf("%q: %w", kind, ErrUnknownKind)
}

// e2eSessionHeader names the columns of an end-to-end session-keys file:
// each session's two direction keys.
const e2eSessionHeader = "session,initiator_to_responder,responder_to_initiator"

// e2eSessionTable writes leaked end-to-end session keys.
func e2eSessionTable(m e2eSessions) []byte {
	var rows [][]string
	for _, n := range slices.Sorted(maps.Keys(m)) {
		k := m[n]
		rows = append(rows, []string{sessionField(n), hexOf(k.InitiatorToResponder[:]), hexOf(k.ResponderToInitiator[:])})
	}
	return csvTable(e2eSessionHeader, rows)
}

// parseE2ESessions reads a table written by e2eSessionTable.
func parseE2ESessions(body []byte) (e2eSessions, error) {
	m := e2eSessions{}
	err := parseCSV(body, e2eSessionHeader, func(f []string) error {
		n, err := parseSession(f[0])
		if err != nil {
			return err
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
	if err != nil {
		return nil, err
	}
	return m, nil
}

// x25519Size is the length of an X25519 key, public or private.
const x25519Size = 32

// parseX25519 reads a table written by keyRow holding one X25519 private
// key (a static, authority or device key), called what in errors.
func parseX25519(body []byte, header, what string) (*ecdh.PrivateKey, error) {
	b, err := parseKeyRow(body, header, what, x25519Size)
	if err != nil {
		return nil, err
	}
	return ecdh.X25519().NewPrivateKey(b)
}
