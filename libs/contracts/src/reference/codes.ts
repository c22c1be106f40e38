/**
 * A code as the ministries write them for venues, rooms, training modules and recipients
 * (BBPVP-SERANG, R-101, KWU-DASAR): 1-40 upper-case letters, digits, _ . or -, starting with a
 * letter or digit. Event schemas (`s.code()`) and request validation both use it.
 */
export const CODE_PATTERN = /^[A-Z0-9][A-Z0-9_.-]{0,39}$/;
