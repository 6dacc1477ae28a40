/**
 * The 14 regions (ISO 3166-2:CZ, NUTS 3) and the OAMP offices known from shared/domain/facts.md §2.1–2.2.
 * `addressVerified: false` marks what the facts file could not confirm; the UI and letters show it.
 */
export interface RegionSeed {
  code: string;
  nameCs: string;
  nameEn: string;
  iso: string;
  nuts: string;
}
export interface OfficeSeed {
  id: string;
  regionCode: string;
  name: string;
  address: string | null;
  addressVerified: boolean;
  phone: string | null;
  source: string;
}

export const REGIONS: RegionSeed[] = [
  { code: 'CZ-10', nameCs: 'Hlavní město Praha', nameEn: 'Prague', iso: 'CZ-PR', nuts: 'CZ010' },
  { code: 'CZ-20', nameCs: 'Středočeský kraj', nameEn: 'Central Bohemia', iso: 'CZ-ST', nuts: 'CZ020' },
  { code: 'CZ-31', nameCs: 'Jihočeský kraj', nameEn: 'South Bohemia', iso: 'CZ-JC', nuts: 'CZ031' },
  { code: 'CZ-32', nameCs: 'Plzeňský kraj', nameEn: 'Plzeň', iso: 'CZ-PL', nuts: 'CZ032' },
  { code: 'CZ-41', nameCs: 'Karlovarský kraj', nameEn: 'Karlovy Vary', iso: 'CZ-KA', nuts: 'CZ041' },
  { code: 'CZ-42', nameCs: 'Ústecký kraj', nameEn: 'Ústí nad Labem', iso: 'CZ-US', nuts: 'CZ042' },
  { code: 'CZ-51', nameCs: 'Liberecký kraj', nameEn: 'Liberec', iso: 'CZ-LI', nuts: 'CZ051' },
  { code: 'CZ-52', nameCs: 'Královéhradecký kraj', nameEn: 'Hradec Králové', iso: 'CZ-KR', nuts: 'CZ052' },
  { code: 'CZ-53', nameCs: 'Pardubický kraj', nameEn: 'Pardubice', iso: 'CZ-PA', nuts: 'CZ053' },
  { code: 'CZ-63', nameCs: 'Kraj Vysočina', nameEn: 'Vysočina', iso: 'CZ-VY', nuts: 'CZ063' },
  { code: 'CZ-64', nameCs: 'Jihomoravský kraj', nameEn: 'South Moravia', iso: 'CZ-JM', nuts: 'CZ064' },
  { code: 'CZ-71', nameCs: 'Olomoucký kraj', nameEn: 'Olomouc', iso: 'CZ-OL', nuts: 'CZ071' },
  { code: 'CZ-72', nameCs: 'Zlínský kraj', nameEn: 'Zlín', iso: 'CZ-ZL', nuts: 'CZ072' },
  { code: 'CZ-80', nameCs: 'Moravskoslezský kraj', nameEn: 'Moravia-Silesia', iso: 'CZ-MO', nuts: 'CZ080' },
];

const MV = 'MV contacts page (facts §2.1)';
const U = 'not confirmed in facts §2.1: an office at the regional seat is assumed; confirm address and existence';

export const OFFICES: OfficeSeed[] = [
  {
    id: 'PHA-ZUK',
    regionCode: 'CZ-10',
    name: 'OAMP Praha – Žukovského',
    address: 'Žukovského 888/2, Praha 6',
    addressVerified: true,
    phone: null,
    source: 'aroundprague.cz (facts §2.1) [V]',
  },
  {
    id: 'PHA-CHO',
    regionCode: 'CZ-10',
    name: 'OAMP Praha – Chodov',
    address: 'Cigánkova 1861/2, Praha 4 – Chodov',
    addressVerified: true,
    phone: null,
    source: 'aroundprague.cz, foreigners.cz (facts §2.1) [V]',
  },
  {
    id: 'PHA-HLA',
    regionCode: 'CZ-10',
    name: 'OAMP Praha – Hládkov',
    address: 'Hládkov 682/9, Praha 6',
    addressVerified: false,
    phone: null,
    source: 'expat blog (facts §2.1) [P]',
  },
  {
    id: 'STC-PRI',
    regionCode: 'CZ-20',
    name: 'OAMP Příbram',
    address: 'Žežická 498, Příbram',
    addressVerified: true,
    phone: null,
    source: `${MV} 2019 [V]`,
  },
  {
    id: 'STC-KUH',
    regionCode: 'CZ-20',
    name: 'OAMP Kutná Hora',
    address: null,
    addressVerified: false,
    phone: null,
    source: `${MV} 2023: exists [V], address unknown`,
  },
  {
    id: 'JHC-CBU',
    regionCode: 'CZ-31',
    name: 'OAMP České Budějovice',
    address: 'Pražská 1257/23, České Budějovice',
    addressVerified: true,
    phone: '974 226 851',
    source: `${MV} 2016–2019 [V]`,
  },
  {
    id: 'JHC-PIS',
    regionCode: 'CZ-31',
    name: 'OAMP Písek',
    address: null,
    addressVerified: false,
    phone: null,
    source: `${MV} 2019: exists [V], address unknown`,
  },
  { id: 'PLK-PLZ', regionCode: 'CZ-32', name: 'OAMP Plzeň', address: null, addressVerified: false, phone: null, source: U },
  { id: 'KVK-KVA', regionCode: 'CZ-41', name: 'OAMP Karlovy Vary', address: null, addressVerified: false, phone: null, source: U },
  {
    id: 'ULK-UNL',
    regionCode: 'CZ-42',
    name: 'OAMP Ústí nad Labem',
    address: null,
    addressVerified: false,
    phone: null,
    source: 'refugee.info (facts §2.1): exists [V], street address unknown',
  },
  {
    id: 'ULK-CHO',
    regionCode: 'CZ-42',
    name: 'OAMP Chomutov',
    address: null,
    addressVerified: false,
    phone: null,
    source: 'MV news 2022: exists [V], address unknown',
  },
  { id: 'LBK-LIB', regionCode: 'CZ-51', name: 'OAMP Liberec', address: null, addressVerified: false, phone: null, source: U },
  {
    id: 'HKK-HKR',
    regionCode: 'CZ-52',
    name: 'OAMP Hradec Králové',
    address: 'Ulrichovo náměstí, Hradec Králové (house number unknown)',
    addressVerified: false,
    phone: null,
    source: 'khk.cz 2023 [V]; house number [U]',
  },
  { id: 'PAK-PCE', regionCode: 'CZ-53', name: 'OAMP Pardubice', address: null, addressVerified: false, phone: null, source: U },
  {
    id: 'VYS-JIH',
    regionCode: 'CZ-63',
    name: 'OAMP Jihlava',
    address: null,
    addressVerified: false,
    phone: '974 260 399',
    source: `${MV} 2019: exists [V], address [U]`,
  },
  {
    id: 'JHM-BRN',
    regionCode: 'CZ-64',
    name: 'OAMP Brno',
    address: 'Tuřanka 115b, 627 00 Brno-Slatina',
    addressVerified: true,
    phone: null,
    source: 'brnodaily.cz 2021 [V]',
  },
  { id: 'OLK-OLO', regionCode: 'CZ-71', name: 'OAMP Olomouc', address: null, addressVerified: false, phone: null, source: U },
  {
    id: 'ZLK-ZLN',
    regionCode: 'CZ-72',
    name: 'OAMP Zlín',
    address: 'Pod Vrškem 5360, Zlín',
    addressVerified: true,
    phone: null,
    source: `${MV} 2019 [V]`,
  },
  {
    id: 'MSK-OST',
    regionCode: 'CZ-80',
    name: 'OAMP Ostrava',
    address: null,
    addressVerified: false,
    phone: null,
    source: 'FRS offices: exists; address [U]',
  },
  {
    id: 'MSK-FRM',
    regionCode: 'CZ-80',
    name: 'OAMP Frýdek-Místek',
    address: null,
    addressVerified: false,
    phone: null,
    source: `${MV} 2023: exists [V], address unknown`,
  },
];
