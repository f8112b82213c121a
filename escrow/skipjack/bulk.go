package skipjack

//go:generate go test -run ^TestBulkGenerated$ -update

// bulkBlocks is how many blocks the bulk kernels, encrypt8 and decrypt8,
// take at once.
const bulkBlocks = 8

// bulkTables holds the F-table premixed with each key byte: row r is
// F[x ^ cv[r mod 10]] for every byte x. The key bytes of G repeat every ten
// lookups, so ten rows cover the whole key schedule; four more rows, copies
// of the first four, let each pass of a bulk kernel find its rows from a
// fixed offset. Premixing saves an XOR per lookup, which matters only when
// several blocks keep the processor busy: the one-block methods, limited
// by the wait for each lookup, do without. 3.5 KB, built on first use.
type bulkTables [KeySize + 4][256]byte

// tables returns c's bulk tables, building them on first use. Ciphers that
// only ever see one block at a time (most of escrowlab's session keys)
// never pay for them. Two goroutines may both build them; they build the
// same tables, and either copy serves.
func (c *skipjackCipher) tables() *bulkTables {
	if t := c.bulk.Load(); t != nil {
		return t
	}
	t := new(bulkTables)
	for r := range t {
		k := c.rk[r%KeySize/4][r%KeySize%4] // cv[r mod 10]
		for x := range t[r] {
			t[r][x] = ftable[byte(x)^k]
		}
	}
	c.bulk.Store(t)
	return t
}

// EncryptBlocks encrypts each 8-byte block of src independently into dst:
// the same as calling Encrypt on every block, but several times faster for
// eight blocks or more. It is an optional method of the Block that
// NewCipher returns, for work made of many unrelated blocks under one key,
// such as escrowlab's LEAF checks. Encrypting blocks independently is the
// ECB mode: it is not a way to encrypt a message.
//
// len(src) must be a multiple of BlockSize, dst at least as long, and dst
// and src must either be the same or not overlap.
func (c *skipjackCipher) EncryptBlocks(dst, src []byte) {
	checkBlocks("skipjack", dst, src)
	n := len(src) - len(src)%(bulkBlocks*BlockSize)
	if n > 0 {
		t := c.tables()
		for i := 0; i < n; i += bulkBlocks * BlockSize {
			encrypt8(t, (*[bulkBlocks * BlockSize]byte)(dst[i:]), (*[bulkBlocks * BlockSize]byte)(src[i:]))
		}
	}
	for i := n; i < len(src); i += BlockSize {
		c.Encrypt(dst[i:], src[i:])
	}
}

// checkBlocks panics, as crypto/cipher's modes do (pkg names the package
// in the message), unless src is whole blocks, dst is at least as long,
// and they are the same or disjoint.
func checkBlocks(pkg string, dst, src []byte) {
	if len(src)%BlockSize != 0 {
		panic(pkg + ": input not full blocks")
	}
	if len(dst) < len(src) {
		panic(pkg + ": output smaller than input")
	}
	if inexactOverlap(dst[:len(src)], src) {
		panic(pkg + ": invalid buffer overlap")
	}
}
