/**
 * Given names across the three languages with their usual English and Czech forms, so that
 * Олександр, Александр, Аляксандр, Alexander and Alexandr meet. Facts §3.4 and §3.6 list some
 * (Alexander/Alexandre/Aleksander, Andrew, Julia, Alexandr); the rest is the editors' knowledge of
 * common usage, not a legal table — a missing name only means fewer variants, never a wrong match.
 */
export interface GivenNameEntry {
  uk: string;
  ru: string;
  be: string;
  en: readonly string[];
  cs?: readonly string[];
}

export const GIVEN_NAMES: readonly GivenNameEntry[] = [
  { uk: 'Олександр', ru: 'Александр', be: 'Аляксандр', en: ['Alexander', 'Alexandre', 'Aleksander', 'Olexandr'], cs: ['Alexandr'] },
  { uk: 'Олександра', ru: 'Александра', be: 'Аляксандра', en: ['Alexandra'], cs: ['Alexandra'] },
  { uk: 'Олексій', ru: 'Алексей', be: 'Аляксей', en: ['Alexei', 'Alexey', 'Oleksiy'], cs: ['Alexej'] },
  { uk: 'Андрій', ru: 'Андрей', be: 'Андрэй', en: ['Andrew', 'Andrey', 'Andrei', 'Andrej', 'Andry', 'Andriy'] },
  { uk: 'Сергій', ru: 'Сергей', be: 'Сяргей', en: ['Sergey', 'Sergei', 'Serhiy', 'Serge'] },
  { uk: 'Юлія', ru: 'Юлия', be: 'Юлія', en: ['Julia', 'Yulia'] },
  { uk: 'Дмитро', ru: 'Дмитрий', be: 'Дзмітрый', en: ['Dmitry', 'Dmitri', 'Dmytro'] },
  { uk: 'Михайло', ru: 'Михаил', be: 'Міхаіл', en: ['Michael', 'Mikhail', 'Mykhailo'] },
  { uk: 'Микола', ru: 'Николай', be: 'Мікалай', en: ['Nicholas', 'Nikolai', 'Nikolay', 'Mykola'] },
  { uk: 'Володимир', ru: 'Владимир', be: 'Уладзімір', en: ['Vladimir', 'Volodymyr', 'Uladzimir'] },
  { uk: 'Євген', ru: 'Евгений', be: 'Яўген', en: ['Eugene', 'Evgeny', 'Yevgeny', 'Yevhen', 'Yauhen'] },
  { uk: 'Іван', ru: 'Иван', be: 'Іван', en: ['Ivan'] },
  { uk: 'Петро', ru: 'Пётр', be: 'Пётр', en: ['Peter', 'Pyotr', 'Petr'] },
  { uk: 'Павло', ru: 'Павел', be: 'Павел', en: ['Paul', 'Pavel', 'Pavlo'] },
  { uk: 'Юрій', ru: 'Юрий', be: 'Юрый', en: ['Yuri', 'Yury', 'Yuriy'] },
  { uk: 'Максим', ru: 'Максим', be: 'Максім', en: ['Maxim', 'Maksim', 'Maksym'], cs: ['Maxim'] },
  { uk: 'Віктор', ru: 'Виктор', be: 'Віктар', en: ['Victor', 'Viktor'] },
  { uk: 'Ігор', ru: 'Игорь', be: 'Ігар', en: ['Igor', 'Ihor', 'Ihar'] },
  { uk: 'Олег', ru: 'Олег', be: 'Алег', en: ['Oleg', 'Oleh', 'Aleh'] },
  { uk: 'Олена', ru: 'Елена', be: 'Алена', en: ['Elena', 'Helen', 'Helena', 'Olena', 'Yelena'] },
  { uk: 'Ольга', ru: 'Ольга', be: 'Вольга', en: ['Olga', 'Olha', 'Volha'] },
  { uk: 'Наталія', ru: 'Наталья', be: 'Наталля', en: ['Natalia', 'Natalya', 'Nataliya', 'Natalie'] },
  { uk: 'Тетяна', ru: 'Татьяна', be: 'Таццяна', en: ['Tatiana', 'Tatyana', 'Tetiana', 'Tatsiana'] },
  { uk: 'Світлана', ru: 'Светлана', be: 'Святлана', en: ['Svetlana', 'Svitlana', 'Sviatlana'] },
  { uk: 'Катерина', ru: 'Екатерина', be: 'Кацярына', en: ['Catherine', 'Ekaterina', 'Kateryna', 'Katsiaryna', 'Yekaterina'] },
  { uk: 'Марія', ru: 'Мария', be: 'Марыя', en: ['Maria', 'Mariya'] },
  { uk: 'Анна', ru: 'Анна', be: 'Ганна', en: ['Anna', 'Hanna', 'Ann'] },
  { uk: 'Ірина', ru: 'Ирина', be: 'Ірына', en: ['Irina', 'Iryna'] },
  { uk: 'Анастасія', ru: 'Анастасия', be: 'Анастасія', en: ['Anastasia', 'Anastasiya'] },
  { uk: 'Ксенія', ru: 'Ксения', be: 'Ксенія', en: ['Ksenia', 'Xenia', 'Kseniya'] },
  { uk: 'Георгій', ru: 'Георгий', be: 'Георгій', en: ['George', 'Georgy', 'Heorhii'] },
  { uk: 'Денис', ru: 'Денис', be: 'Дзяніс', en: ['Denis', 'Denys'] },
  { uk: 'Артем', ru: 'Артём', be: 'Арцём', en: ['Artem', 'Artyom', 'Artiom'] },
  { uk: 'Вадим', ru: 'Вадим', be: 'Вадзім', en: ['Vadim', 'Vadym'] },
  { uk: 'Василь', ru: 'Василий', be: 'Васіль', en: ['Vasily', 'Vasyl', 'Vasil', 'Basil'] },
  { uk: 'Григорій', ru: 'Григорий', be: 'Рыгор', en: ['Gregory', 'Grigory', 'Hryhorii'] },
  { uk: 'Яна', ru: 'Яна', be: 'Яна', en: ['Yana'] },
  { uk: 'Оксана', ru: 'Оксана', be: 'Аксана', en: ['Oksana', 'Oxana'] },
  { uk: 'Людмила', ru: 'Людмила', be: 'Людміла', en: ['Ludmila', 'Lyudmila', 'Liudmyla'] },
  { uk: 'Вікторія', ru: 'Виктория', be: 'Вікторыя', en: ['Victoria', 'Viktoria'] },
  { uk: 'Дарія', ru: 'Дарья', be: "Дар'я", en: ['Daria', 'Darya', 'Dariia'] },
];
