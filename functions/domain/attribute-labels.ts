/**
 * How a rectifiable attribute is named to people: "Phone number", not `phone`. The register may
 * name an attribute per language (`attributeLabels`); common attributes have built-in names.
 */
import type { Locale } from './request';

/** The built-in names of common attributes, by the attribute's name written in snake case. */
const COMMON: Record<string, Record<Locale, string>> = {
  email: { en: 'Email address', sv: 'E-postadress', sl: 'E-poštni naslov', de: 'E-Mail-Adresse' },
  phone: { en: 'Phone number', sv: 'Telefonnummer', sl: 'Telefonska številka', de: 'Telefonnummer' },
  mobile: { en: 'Mobile phone number', sv: 'Mobilnummer', sl: 'Številka mobilnega telefona', de: 'Mobilfunknummer' },
  name: { en: 'Name', sv: 'Namn', sl: 'Ime in priimek', de: 'Name' },
  first_name: { en: 'First name', sv: 'Förnamn', sl: 'Ime', de: 'Vorname' },
  last_name: { en: 'Last name', sv: 'Efternamn', sl: 'Priimek', de: 'Nachname' },
  address: { en: 'Address', sv: 'Adress', sl: 'Naslov', de: 'Anschrift' },
  street_address: { en: 'Street address', sv: 'Gatuadress', sl: 'Ulica in hišna številka', de: 'Straße und Hausnummer' },
  postal_code: { en: 'Postal code', sv: 'Postnummer', sl: 'Poštna številka', de: 'Postleitzahl' },
  city: { en: 'Town or city', sv: 'Ort', sl: 'Kraj', de: 'Ort' },
  country: { en: 'Country', sv: 'Land', sl: 'Država', de: 'Land' },
  date_of_birth: { en: 'Date of birth', sv: 'Födelsedatum', sl: 'Datum rojstva', de: 'Geburtsdatum' },
  username: { en: 'Username', sv: 'Användarnamn', sl: 'Uporabniško ime', de: 'Benutzername' },
  display_name: { en: 'Display name', sv: 'Visningsnamn', sl: 'Prikazno ime', de: 'Anzeigename' },
  organisation: { en: 'Organisation', sv: 'Organisation', sl: 'Organizacija', de: 'Organisation' },
};

/** Other spellings of the same attributes. */
const SAME_AS: Record<string, string> = {
  email_address: 'email',
  e_mail: 'email',
  phone_number: 'phone',
  telephone: 'phone',
  tel: 'phone',
  mobile_phone: 'mobile',
  mobile_number: 'mobile',
  full_name: 'name',
  given_name: 'first_name',
  firstname: 'first_name',
  surname: 'last_name',
  family_name: 'last_name',
  lastname: 'last_name',
  street: 'street_address',
  postcode: 'postal_code',
  post_code: 'postal_code',
  zip: 'postal_code',
  zip_code: 'postal_code',
  zipcode: 'postal_code',
  town: 'city',
  birth_date: 'date_of_birth',
  birthdate: 'date_of_birth',
  dob: 'date_of_birth',
  user_name: 'username',
  login: 'username',
  company: 'organisation',
  organization: 'organisation',
};

/** `phoneNumber`, `phone-number`, `PHONE_NUMBER` → `phone_number`. */
const snake = (attribute: string) =>
  attribute
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .toLowerCase();

/** The built-in name of a common attribute in `locale`, if it is one. */
export function commonAttributeLabel(attribute: string, locale: Locale): string | undefined {
  const key = snake(attribute);
  return (COMMON[SAME_AS[key] ?? key] ?? COMMON[key])?.[locale];
}
