package escrow

// programDevice builds the chip that a facility programs with unit ID id,
// family f and unit key ku. It deposits nothing: the caller escrows ku.
func programDevice(f *Family, id UnitID, ku UnitKey) (*Device, error) {
	wrapper, err := newWideBlock(ku, wrappedKeySize)
	if err != nil {
		return nil, err
	}
	return &Device{id: id, family: f, wrapper: wrapper}, nil
}
