/**
 * The documents' words in the five languages: the Czech is what is printed for the office, the
 * person's language is printed beside it. ICU MessageFormat (platform/i18n.ts): `{sex, select, …}`
 * gives the Czech forms for a man, a woman, or both when sex is not given. The Czech field labels
 * follow facts §5.1 (rows 1–4 verified in content and position, rows 5–15 [U]).
 */
import type { Locale } from '../../../platform/i18n.ts';

export const FORM_FIELD_IDS = [
  'surname',
  'formerSurnames',
  'givenNames',
  'dateOfBirth',
  'placeOfBirth',
  'countryOfBirth',
  'citizenship',
  'sex',
  'maritalStatus',
  'docType',
  'docNumber',
  'docIssuedOn',
  'docValidTo',
  'docIssuedBy',
  'homeAddress',
  'addressInCzechia',
  'purpose',
  'lengthOfStay',
  'dateAndSignature',
] as const;
export type FormFieldId = (typeof FORM_FIELD_IDS)[number];

export type TextKey =
  | 'form.title'
  | 'form.draft'
  | 'form.notice'
  | 'form.blank'
  | 'form.names.system'
  | 'form.names.passport'
  | 'system.UKR'
  | 'system.RUS'
  | 'system.BLR'
  | 'system.OTHER'
  | 'aff.title'
  | 'aff.intro'
  | 'aff.declare'
  | 'aff.replaces'
  | 'aff.truth'
  | 'aff.more'
  | 'aff.place_date'
  | 'aff.signature'
  | 'aff.notary.title'
  | 'aff.notary.number'
  | 'aff.notary.verify'
  | 'aff.notary.place_date'
  | 'aff.notary.signature'
  | 'aff.draft';

export interface DocumentTexts {
  labels: Record<FormFieldId, string>;
  text: Record<TextKey, string>;
}

const cs: DocumentTexts = {
  labels: {
    surname: 'Příjmení',
    formerSurnames: 'Dřívější příjmení',
    givenNames: 'Jméno (jména)',
    dateOfBirth: 'Datum narození',
    placeOfBirth: 'Místo narození',
    countryOfBirth: 'Stát narození',
    citizenship: 'Státní občanství',
    sex: 'Pohlaví',
    maritalStatus: 'Rodinný stav',
    docType: 'Cestovní doklad: druh',
    docNumber: 'Cestovní doklad: číslo',
    docIssuedOn: 'Cestovní doklad: datum vydání',
    docValidTo: 'Cestovní doklad: platnost do',
    docIssuedBy: 'Cestovní doklad: vydal',
    homeAddress: 'Adresa bydliště v cizině',
    addressInCzechia: 'Adresa pobytu na území ČR',
    purpose: 'Účel pobytu',
    lengthOfStay: 'Předpokládaná délka pobytu (od–do)',
    dateAndSignature: 'Datum a podpis',
  },
  text: {
    'form.title': 'Žádost o udělení víza k pobytu nad 90 dnů',
    'form.draft': 'Předvyplněný koncept podle položek úředního tiskopisu',
    'form.notice':
      'Úřad přijme žádost jen na úředním tiskopisu (zdarma na pracovišti OAMP). Údaje z tohoto listu na něj přepište hůlkovým písmem a latinkou.',
    'form.blank': 'Prázdná pole vyplňte rukou.',
    'form.names.system': 'Jména jsou napsána tak, jak je tiskne cestovní pas: {system}. Porovnejte je se svým pasem.',
    'form.names.passport': 'Jména jsou opsána tak, jak jste je zadali z cestovního pasu.',
    'system.UKR': 'ukrajinská národní transliterace (usnesení vlády Ukrajiny č. 55 z roku 2010)',
    'system.RUS': 'ruská transliterace podle ICAO 9303',
    'system.BLR': 'běloruská transliterace podle ICAO 9303',
    'system.OTHER': 'transliterace podle ICAO 9303',
    'aff.title': 'Čestné prohlášení',
    'aff.intro': '{sex, select, M {Já, níže podepsaný} F {Já, níže podepsaná} other {Já, níže podepsaný/á}}',
    'aff.declare':
      'čestně prohlašuji, že nemohu vycestovat z území České republiky a vrátit se na Ukrajinu, kde jsem {sex, select, M {žil} F {žila} other {žil/a}} před začátkem války, protože mi v tom brání překážka nezávislá na mé vůli: ozbrojený konflikt na území Ukrajiny vyvolaný invazí vojsk Ruské federace.',
    'aff.replaces':
      'Doklad o této překážce si z důvodů nezávislých na mé vůli nemohu opatřit; toto čestné prohlášení jej nahrazuje (§ 34 písm. b) zákona č. 326/1999 Sb., o pobytu cizinců na území České republiky).',
    'aff.truth': '{sex, select, M {Jsem si vědom} F {Jsem si vědoma} other {Jsem si vědom/a}} následků uvedení nepravdivých údajů.',
    'aff.more': 'Další skutečnosti (doplňte rukou, je-li třeba):',
    'aff.place_date': 'V {blank} dne {blank}',
    'aff.signature': 'Vlastnoruční podpis: {blank}',
    'aff.notary.title': 'Ověřovací doložka pro legalizaci (vyplní notář)',
    'aff.notary.number': 'Pořadové číslo ověřovací knihy: {blank}',
    'aff.notary.verify':
      'Ověřuji, že {blank} (jméno a příjmení), datum narození {blank}, jehož/jejíž totožnost byla prokázána dokladem {blank}, tuto listinu přede mnou vlastnoručně podepsal(a).',
    'aff.notary.place_date': 'V {blank} dne {blank}',
    'aff.notary.signature': 'Podpis notáře a otisk razítka: {blank}',
    'aff.draft': 'Koncept k podpisu před notářem. Podepište jej až před notářem.',
  },
};

const en: DocumentTexts = {
  labels: {
    surname: 'Surname, as in the passport',
    formerSurnames: 'Former surnames',
    givenNames: 'Given name(s), as in the passport',
    dateOfBirth: 'Date of birth',
    placeOfBirth: 'Place of birth',
    countryOfBirth: 'Country of birth',
    citizenship: 'Citizenship',
    sex: 'Sex',
    maritalStatus: 'Marital status',
    docType: 'Travel document: type',
    docNumber: 'Travel document: number',
    docIssuedOn: 'Travel document: date of issue',
    docValidTo: 'Travel document: valid until',
    docIssuedBy: 'Travel document: issued by',
    homeAddress: 'Home address abroad',
    addressInCzechia: 'Address of stay in the Czech Republic',
    purpose: 'Purpose of stay',
    lengthOfStay: 'Intended length of stay (from–to)',
    dateAndSignature: 'Date and signature',
  },
  text: {
    'form.title': 'Application for a visa for a stay over 90 days',
    'form.draft': 'A pre-filled draft following the items of the official form',
    'form.notice':
      'The office accepts the application only on the official form (free at the OAMP office). Copy the values from this sheet onto it in capital Latin letters.',
    'form.blank': 'Fill in the empty fields by hand.',
    'form.names.system': 'The names are written as the passport prints them: {system}. Compare them with your passport.',
    'form.names.passport': 'The names are copied as you typed them from your passport.',
    'system.UKR': 'the Ukrainian national transliteration (Resolution No. 55 of the Ukrainian government, 2010)',
    'system.RUS': 'the Russian transliteration by ICAO 9303',
    'system.BLR': 'the Belarusian transliteration by ICAO 9303',
    'system.OTHER': 'the ICAO 9303 transliteration',
    'aff.title': 'Affidavit (solemn declaration)',
    'aff.intro': 'I, the undersigned',
    'aff.declare':
      'solemnly declare that I cannot leave the Czech Republic and return to Ukraine, where I lived before the war began, because an obstacle beyond my control prevents it: the armed conflict in Ukraine caused by the invasion of the troops of the Russian Federation.',
    'aff.replaces':
      'For reasons beyond my control I cannot obtain a document proving this obstacle; this declaration replaces it (§ 34(b) of Act No. 326/1999 Coll. on the Residence of Foreign Nationals).',
    'aff.truth': 'I am aware of the consequences of giving false information.',
    'aff.more': 'Further facts (add by hand if needed):',
    'aff.place_date': 'In {blank} on {blank}',
    'aff.signature': 'Own signature: {blank}',
    'aff.notary.title': 'Certification clause (filled in by the notary)',
    'aff.notary.number': 'Number in the certification register: {blank}',
    'aff.notary.verify':
      'I certify that {blank} (name and surname), born on {blank}, whose identity was proven by {blank}, signed this document in my presence.',
    'aff.notary.place_date': 'In {blank} on {blank}',
    'aff.notary.signature': 'Signature and stamp of the notary: {blank}',
    'aff.draft': 'A draft to sign before a notary. Sign it only in front of the notary.',
  },
};

const uk: DocumentTexts = {
  labels: {
    surname: 'Прізвище, як у паспорті',
    formerSurnames: 'Попередні прізвища',
    givenNames: "Ім'я (імена), як у паспорті",
    dateOfBirth: 'Дата народження',
    placeOfBirth: 'Місце народження',
    countryOfBirth: 'Країна народження',
    citizenship: 'Громадянство',
    sex: 'Стать',
    maritalStatus: 'Сімейний стан',
    docType: 'Проїзний документ: вид',
    docNumber: 'Проїзний документ: номер',
    docIssuedOn: 'Проїзний документ: дата видачі',
    docValidTo: 'Проїзний документ: дійсний до',
    docIssuedBy: 'Проїзний документ: ким виданий',
    homeAddress: 'Адреса проживання за кордоном',
    addressInCzechia: 'Адреса перебування в Чеській Республіці',
    purpose: 'Мета перебування',
    lengthOfStay: 'Передбачувана тривалість перебування (з–по)',
    dateAndSignature: 'Дата і підпис',
  },
  text: {
    'form.title': 'Заява про видачу візи для перебування понад 90 днів',
    'form.draft': 'Попередньо заповнений проєкт за пунктами офіційного бланка',
    'form.notice':
      'Установа приймає заяву лише на офіційному бланку (безкоштовно у відділенні OAMP). Перепишіть на нього дані з цього аркуша великими латинськими літерами.',
    'form.blank': 'Порожні поля заповніть від руки.',
    'form.names.system': 'Імена написано так, як їх друкує паспорт: {system}. Порівняйте їх зі своїм паспортом.',
    'form.names.passport': 'Імена переписано так, як Ви ввели їх із паспорта.',
    'system.UKR': 'українська національна транслітерація (постанова Кабінету Міністрів України № 55 від 2010 року)',
    'system.RUS': 'російська транслітерація за ICAO 9303',
    'system.BLR': 'білоруська транслітерація за ICAO 9303',
    'system.OTHER': 'транслітерація за ICAO 9303',
    'aff.title': 'Заява під присягою (čestné prohlášení)',
    'aff.intro': 'Я, що нижче підписався(-лася)',
    'aff.declare':
      'урочисто заявляю, що не можу виїхати з Чеської Республіки і повернутися в Україну, де я жив(-ла) до початку війни, бо мені заважає перешкода, що не залежить від моєї волі: збройний конфлікт на території України, спричинений вторгненням військ Російської Федерації.',
    'aff.replaces':
      'З причин, що не залежать від моєї волі, я не можу отримати документ, який підтверджує цю перешкоду; ця заява його замінює (§ 34 літера b) Закону № 326/1999 Зб. про перебування іноземців на території Чеської Республіки).',
    'aff.truth': 'Я усвідомлюю наслідки надання неправдивих відомостей.',
    'aff.more': 'Інші обставини (допишіть від руки, якщо потрібно):',
    'aff.place_date': 'Місто {blank}, дата {blank}',
    'aff.signature': 'Власноручний підпис: {blank}',
    'aff.notary.title': 'Засвідчувальний напис (заповнює нотаріус)',
    'aff.notary.number': 'Порядковий номер у книзі засвідчень: {blank}',
    'aff.notary.verify':
      'Засвідчую, що {blank} (ім’я та прізвище), дата народження {blank}, особу якого(-ої) встановлено за документом {blank}, власноручно підписав(-ла) цей документ у моїй присутності.',
    'aff.notary.place_date': 'Місто {blank}, дата {blank}',
    'aff.notary.signature': 'Підпис нотаріуса і відбиток печатки: {blank}',
    'aff.draft': 'Проєкт для підпису перед нотаріусом. Підпишіть його лише в присутності нотаріуса.',
  },
};

const ru: DocumentTexts = {
  labels: {
    surname: 'Фамилия, как в паспорте',
    formerSurnames: 'Прежние фамилии',
    givenNames: 'Имя (имена), как в паспорте',
    dateOfBirth: 'Дата рождения',
    placeOfBirth: 'Место рождения',
    countryOfBirth: 'Страна рождения',
    citizenship: 'Гражданство',
    sex: 'Пол',
    maritalStatus: 'Семейное положение',
    docType: 'Проездной документ: вид',
    docNumber: 'Проездной документ: номер',
    docIssuedOn: 'Проездной документ: дата выдачи',
    docValidTo: 'Проездной документ: действителен до',
    docIssuedBy: 'Проездной документ: кем выдан',
    homeAddress: 'Адрес проживания за границей',
    addressInCzechia: 'Адрес пребывания в Чешской Республике',
    purpose: 'Цель пребывания',
    lengthOfStay: 'Предполагаемая продолжительность пребывания (с–по)',
    dateAndSignature: 'Дата и подпись',
  },
  text: {
    'form.title': 'Заявление о выдаче визы для пребывания свыше 90 дней',
    'form.draft': 'Предварительно заполненный проект по пунктам официального бланка',
    'form.notice':
      'Учреждение принимает заявление только на официальном бланке (бесплатно в отделении OAMP). Перепишите на него данные с этого листа заглавными латинскими буквами.',
    'form.blank': 'Пустые поля заполните от руки.',
    'form.names.system': 'Имена написаны так, как их печатает паспорт: {system}. Сравните их со своим паспортом.',
    'form.names.passport': 'Имена переписаны так, как Вы ввели их из паспорта.',
    'system.UKR': 'украинская национальная транслитерация (постановление Кабинета Министров Украины № 55 от 2010 года)',
    'system.RUS': 'русская транслитерация по ICAO 9303',
    'system.BLR': 'белорусская транслитерация по ICAO 9303',
    'system.OTHER': 'транслитерация по ICAO 9303',
    'aff.title': 'Заявление под честное слово (čestné prohlášení)',
    'aff.intro': 'Я, нижеподписавшийся(-аяся)',
    'aff.declare':
      'торжественно заявляю, что не могу выехать из Чешской Республики и вернуться в Украину, где я жил(а) до начала войны, так как мне мешает препятствие, не зависящее от моей воли: вооружённый конфликт на территории Украины, вызванный вторжением войск Российской Федерации.',
    'aff.replaces':
      'По причинам, не зависящим от моей воли, я не могу получить документ, подтверждающий это препятствие; настоящее заявление его заменяет (§ 34 буква b) Закона № 326/1999 Сб. о пребывании иностранцев на территории Чешской Республики).',
    'aff.truth': 'Я осознаю последствия предоставления ложных сведений.',
    'aff.more': 'Другие обстоятельства (допишите от руки, если нужно):',
    'aff.place_date': 'Город {blank}, дата {blank}',
    'aff.signature': 'Собственноручная подпись: {blank}',
    'aff.notary.title': 'Удостоверительная надпись (заполняет нотариус)',
    'aff.notary.number': 'Порядковый номер в книге удостоверений: {blank}',
    'aff.notary.verify':
      'Удостоверяю, что {blank} (имя и фамилия), дата рождения {blank}, личность которого(-ой) установлена по документу {blank}, собственноручно подписал(а) этот документ в моём присутствии.',
    'aff.notary.place_date': 'Город {blank}, дата {blank}',
    'aff.notary.signature': 'Подпись нотариуса и оттиск печати: {blank}',
    'aff.draft': 'Проект для подписи у нотариуса. Подпишите его только в присутствии нотариуса.',
  },
};

const be: DocumentTexts = {
  labels: {
    surname: 'Прозвішча, як у пашпарце',
    formerSurnames: 'Ранейшыя прозвішчы',
    givenNames: 'Імя (імёны), як у пашпарце',
    dateOfBirth: 'Дата нараджэння',
    placeOfBirth: 'Месца нараджэння',
    countryOfBirth: 'Краіна нараджэння',
    citizenship: 'Грамадзянства',
    sex: 'Пол',
    maritalStatus: 'Сямейнае становішча',
    docType: 'Праязны дакумент: від',
    docNumber: 'Праязны дакумент: нумар',
    docIssuedOn: 'Праязны дакумент: дата выдачы',
    docValidTo: 'Праязны дакумент: дзейнічае да',
    docIssuedBy: 'Праязны дакумент: кім выдадзены',
    homeAddress: 'Адрас пражывання за мяжой',
    addressInCzechia: 'Адрас знаходжання ў Чэшскай Рэспубліцы',
    purpose: 'Мэта знаходжання',
    lengthOfStay: 'Меркаваная працягласць знаходжання (з–па)',
    dateAndSignature: 'Дата і подпіс',
  },
  text: {
    'form.title': 'Заява аб выдачы візы для знаходжання больш за 90 дзён',
    'form.draft': 'Папярэдне запоўнены праект па пунктах афіцыйнага бланка',
    'form.notice':
      'Установа прымае заяву толькі на афіцыйным бланку (бясплатна ў аддзяленні OAMP). Перапішыце на яго даныя з гэтага аркуша вялікімі лацінскімі літарамі.',
    'form.blank': 'Пустыя палі запоўніце ад рукі.',
    'form.names.system': 'Імёны напісаны так, як іх друкуе пашпарт: {system}. Параўнайце іх са сваім пашпартам.',
    'form.names.passport': 'Імёны перапісаны так, як Вы ўвялі іх з пашпарта.',
    'system.UKR': 'украінская нацыянальная транслітарацыя (пастанова Кабінета Міністраў Украіны № 55 ад 2010 года)',
    'system.RUS': 'руская транслітарацыя па ICAO 9303',
    'system.BLR': 'беларуская транслітарацыя па ICAO 9303',
    'system.OTHER': 'транслітарацыя па ICAO 9303',
    'aff.title': 'Заява пад сумленнае слова (čestné prohlášení)',
    'aff.intro': 'Я, ніжэйпадпісаны(-ая)',
    'aff.declare':
      'урачыста заяўляю, што не магу выехаць з Чэшскай Рэспублікі і вярнуцца ва Украіну, дзе я жыў(-ла) да пачатку вайны, бо мне замінае перашкода, якая не залежыць ад маёй волі: узброены канфлікт на тэрыторыі Украіны, выкліканы ўварваннем войскаў Расійскай Федэрацыі.',
    'aff.replaces':
      'З прычын, якія не залежаць ад маёй волі, я не магу атрымаць дакумент, што пацвярджае гэтую перашкоду; гэтая заява яго замяняе (§ 34 літара b) Закона № 326/1999 Зб. аб знаходжанні замежнікаў на тэрыторыі Чэшскай Рэспублікі).',
    'aff.truth': 'Я ўсведамляю наступствы падачы непраўдзівых звестак.',
    'aff.more': 'Іншыя акалічнасці (дапішыце ад рукі, калі трэба):',
    'aff.place_date': 'Горад {blank}, дата {blank}',
    'aff.signature': 'Уласнаручны подпіс: {blank}',
    'aff.notary.title': 'Засведчальны надпіс (запаўняе натарыус)',
    'aff.notary.number': 'Парадкавы нумар у кнізе засведчанняў: {blank}',
    'aff.notary.verify':
      'Засведчваю, што {blank} (імя і прозвішча), дата нараджэння {blank}, асоба якога(-ой) устаноўлена па дакуменце {blank}, уласнаручна падпісаў(-ла) гэты дакумент у маёй прысутнасці.',
    'aff.notary.place_date': 'Горад {blank}, дата {blank}',
    'aff.notary.signature': 'Подпіс натарыуса і адбітак пячаткі: {blank}',
    'aff.draft': 'Праект для подпісу перад натарыусам. Падпішыце яго толькі ў прысутнасці натарыуса.',
  },
};

export const DOCUMENT_TEXTS: Record<Locale, DocumentTexts> = { cs, en, uk, ru, be };
