-- Each category has a fixed bit in incidents.categories, named here so that
-- the register itself says what its bitmasks mean. The bits were derived
-- from the severity order before; these are the same values, so the rows
-- of an older register keep their meaning and need no rewrite. A bit is
-- never changed or reused: a new category gets the next free one. New and
-- Open refuse a register whose table differs from the program's.
CREATE TABLE category_bits (
    category TEXT   NOT NULL PRIMARY KEY,
    bit      BIGINT NOT NULL UNIQUE
);
INSERT INTO category_bits (category, bit) VALUES
    ('verbal', 1), ('discrimination', 2), ('sexual', 4), ('property', 8), ('threat', 16), ('physical', 32);
