/**
 * The few words a zine prints on its own, beside the author's text: on the
 * card's envelope, along its cut line, over a continued note, in the
 * colophon, and in the web edition. They follow the document's `lang`
 * (its first subtag: `pt-BR` reads Portuguese); a language not listed here
 * gets English, and the build table says nothing of it: the author's words
 * are all in their language, these are a handful of small labels.
 */

export interface Labels {
  /** The corner box of the envelope for the sender's address. */
  returnAddress: string;
  /** The envelope's stamp box. */
  stamp: string;
  /** Set along the card's stub, by the scissors. */
  cutLine: string;
  /** Before the part of a note carried over to the next page. */
  continued: string;
  /** The colophon's last line, before the project's name. */
  setWith: string;
  /** Over the lined pages left for the reader's own notes. */
  notesPage: string;
  /** The web edition's notes heading. */
  notes: string;
  /** The web edition's link from a note back to its call. */
  backToText: string;
  /** Spoken name of a table that scrolls sideways in the web edition. */
  wideTable: string;
  /** Spoken name of the QR code, before its URL. */
  qrCode: string;
}

const ENGLISH: Labels = {
  returnAddress: 'your return address',
  stamp: 'stamp',
  cutLine: 'cut or tear along the line',
  continued: '(continued)',
  setWith: 'Set with Zinepress',
  notesPage: 'Notes',
  notes: 'Notes',
  backToText: 'Back to the text',
  wideTable: 'Table (scrolls sideways)',
  qrCode: 'QR code of',
};

/** Each language's labels, by its primary language subtag. */
const LABELS: Record<string, Labels> = {
  en: ENGLISH,
  es: { returnAddress: 'tu dirección de remitente', stamp: 'sello', cutLine: 'corta o rasga por la línea', continued: '(continuación)', setWith: 'Compuesto con Zinepress', notesPage: 'Notas', notes: 'Notas', backToText: 'Volver al texto', wideTable: 'Tabla (se desplaza de lado)', qrCode: 'Código QR de' },
  fr: { returnAddress: 'adresse de l’expéditeur', stamp: 'timbre', cutLine: 'découper ou déchirer le long du trait', continued: '(suite)', setWith: 'Composé avec Zinepress', notesPage: 'Notes', notes: 'Notes', backToText: 'Retour au texte', wideTable: 'Tableau (défile horizontalement)', qrCode: 'Code QR de' },
  de: { returnAddress: 'Absender', stamp: 'Briefmarke', cutLine: 'an der Linie abschneiden oder abreißen', continued: '(Fortsetzung)', setWith: 'Gesetzt mit Zinepress', notesPage: 'Notizen', notes: 'Anmerkungen', backToText: 'Zurück zum Text', wideTable: 'Tabelle (seitlich verschiebbar)', qrCode: 'QR-Code von' },
  it: { returnAddress: 'mittente', stamp: 'francobollo', cutLine: 'taglia o strappa lungo la linea', continued: '(continua)', setWith: 'Composto con Zinepress', notesPage: 'Appunti', notes: 'Note', backToText: 'Torna al testo', wideTable: 'Tabella (scorre di lato)', qrCode: 'Codice QR di' },
  pt: { returnAddress: 'endereço do remetente', stamp: 'selo', cutLine: 'corte ou rasgue pela linha', continued: '(continuação)', setWith: 'Composto com Zinepress', notesPage: 'Anotações', notes: 'Notas', backToText: 'Voltar ao texto', wideTable: 'Tabela (rola para o lado)', qrCode: 'Código QR de' },
  ru: { returnAddress: 'обратный адрес', stamp: 'марка', cutLine: 'отрежьте или оторвите по линии', continued: '(продолжение)', setWith: 'Набрано в Zinepress', notesPage: 'Заметки', notes: 'Примечания', backToText: 'Назад к тексту', wideTable: 'Таблица (прокручивается вбок)', qrCode: 'QR-код' },
  uk: { returnAddress: 'зворотна адреса', stamp: 'марка', cutLine: 'відріжте або відірвіть по лінії', continued: '(продовження)', setWith: 'Набрано в Zinepress', notesPage: 'Нотатки', notes: 'Примітки', backToText: 'Назад до тексту', wideTable: 'Таблиця (прокручується вбік)', qrCode: 'QR-код' },
  el: { returnAddress: 'διεύθυνση αποστολέα', stamp: 'γραμματόσημο', cutLine: 'κόψτε ή σκίστε κατά μήκος της γραμμής', continued: '(συνέχεια)', setWith: 'Στοιχειοθεσία με το Zinepress', notesPage: 'Σημειώσεις', notes: 'Σημειώσεις', backToText: 'Επιστροφή στο κείμενο', wideTable: 'Πίνακας (κυλά πλάγια)', qrCode: 'Κωδικός QR του' },
  ar: { returnAddress: 'عنوان المرسل', stamp: 'طابع', cutLine: 'قصّ أو مزّق على طول الخط', continued: '(تابع)', setWith: 'نُضّد باستخدام Zinepress', notesPage: 'ملاحظات', notes: 'الحواشي', backToText: 'العودة إلى النص', wideTable: 'جدول (يُمرَّر أفقيًا)', qrCode: 'رمز QR لـ' },
  fa: { returnAddress: 'نشانی فرستنده', stamp: 'تمبر', cutLine: 'در امتداد خط ببرید یا جدا کنید', continued: '(ادامه)', setWith: 'حروف‌چینی با Zinepress', notesPage: 'یادداشت', notes: 'یادداشت‌ها', backToText: 'بازگشت به متن', wideTable: 'جدول (افقی پیمایش می‌شود)', qrCode: 'کد QR' },
  ur: { returnAddress: 'بھیجنے والے کا پتہ', stamp: 'ٹکٹ', cutLine: 'لکیر کے ساتھ کاٹیں یا پھاڑیں', continued: '(جاری)', setWith: 'Zinepress سے کمپوز کیا گیا', notesPage: 'نوٹس', notes: 'حواشی', backToText: 'متن پر واپس', wideTable: 'جدول (افقی طور پر اسکرول ہوتا ہے)', qrCode: 'QR کوڈ' },
  he: { returnAddress: 'כתובת השולח', stamp: 'בול', cutLine: 'גזרו או תלשו לאורך הקו', continued: '(המשך)', setWith: 'סודר ב־Zinepress', notesPage: 'הערות', notes: 'הערות', backToText: 'חזרה לטקסט', wideTable: 'טבלה (גלילה לרוחב)', qrCode: 'קוד QR של' },
  yi: { returnAddress: 'אָפּשיקער־אַדרעס', stamp: 'מאַרקע', cutLine: 'שנײַדט אָדער רײַסט לענגאויס דער ליניע', continued: '(המשך)', setWith: 'געזעצט מיט Zinepress', notesPage: 'נאָטיצן', notes: 'הערות', backToText: 'צוריק צום טעקסט', wideTable: 'טאַבעלע', qrCode: 'QR־קאָד' },
  hi: { returnAddress: 'भेजने वाले का पता', stamp: 'डाक टिकट', cutLine: 'रेखा के साथ काटें या फाड़ें', continued: '(जारी)', setWith: 'Zinepress से टाइपसेट', notesPage: 'नोट्स', notes: 'टिप्पणियाँ', backToText: 'पाठ पर वापस', wideTable: 'तालिका (बगल में खिसकती है)', qrCode: 'QR कोड' },
  th: { returnAddress: 'ที่อยู่ผู้ส่ง', stamp: 'แสตมป์', cutLine: 'ตัดหรือฉีกตามเส้น', continued: '(ต่อ)', setWith: 'จัดพิมพ์ด้วย Zinepress', notesPage: 'บันทึก', notes: 'หมายเหตุ', backToText: 'กลับไปที่เนื้อหา', wideTable: 'ตาราง (เลื่อนไปด้านข้าง)', qrCode: 'คิวอาร์โค้ดของ' },
  zh: { returnAddress: '寄件人地址', stamp: '邮票', cutLine: '沿线剪下或撕下', continued: '（续）', setWith: '由 Zinepress 排版', notesPage: '笔记', notes: '注释', backToText: '返回正文', wideTable: '表格（可横向滚动）', qrCode: '二维码：' },
  ja: { returnAddress: '差出人住所', stamp: '切手', cutLine: '線に沿って切り取る', continued: '（続き）', setWith: 'Zinepress で組版', notesPage: 'メモ', notes: '注', backToText: '本文に戻る', wideTable: '表（横にスクロール）', qrCode: 'QR コード：' },
  ko: { returnAddress: '보내는 사람 주소', stamp: '우표', cutLine: '선을 따라 자르거나 뜯으세요', continued: '(계속)', setWith: 'Zinepress로 조판', notesPage: '메모', notes: '주', backToText: '본문으로 돌아가기', wideTable: '표 (옆으로 스크롤)', qrCode: 'QR 코드:' },
};

/** Ancient and polytonic Greek read the modern Greek labels. */
const SAME_AS: Record<string, string> = { grc: 'el' };

/** Languages whose labels run right to left. */
const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'ur', 'he', 'yi']);

/**
 * A Latin word inside a right-to-left label (`Zinepress`, `QR`) isolated
 * (U+2068 … U+2069), so it reads in its place in the line, and the line
 * still takes its direction from its own script: `Zinepress سے کمپوز کیا گیا`
 * begins, on the right, with the name.
 */
function isolateLatin(labels: Labels): Labels {
  const isolate = (text: string) => text.replace(/[A-Za-z][A-Za-z0-9]*/g, '\u2068$&\u2069');
  return Object.fromEntries(Object.entries(labels).map(([key, text]) => [key, isolate(text)])) as unknown as Labels;
}

const cache = new Map<string, Labels>();

/** The labels for a document's `lang`. */
export function labelsFor(lang: string): Labels {
  const primary = lang.toLowerCase().split('-')[0] ?? '';
  const key = SAME_AS[primary] ?? primary;
  let labels = cache.get(key);
  if (labels === undefined) {
    const own = LABELS[key] ?? ENGLISH;
    cache.set(key, (labels = RIGHT_TO_LEFT.has(key) ? isolateLatin(own) : own));
  }
  return labels;
}
