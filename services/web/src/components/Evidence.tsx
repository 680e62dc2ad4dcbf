import { api, type BenefitView } from '../api';
import { formatDate } from '../format/date';
import { formatNumber } from '../format/number';
import { formatPeriod } from '../format/period';

/** The file types the API takes as evidence, by extension (a browser may not know a type for .csv or .docx). */
const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain',
  csv: 'text/csv',
};
export const EVIDENCE_ACCEPT = Object.keys(TYPES).map((ext) => `.${ext}`).join(',');
/** as the API's default (GEVINST_EVIDENCE_MAX_BYTES); the API has the last word */
const MAX_BYTES = 10 * 1024 * 1024;

const typeOf = (file: File): string | undefined => TYPES[file.name.split('.').pop()?.toLowerCase() ?? ''];

/** The chosen file in the form's `file` field, or null when none was chosen. */
export const chosenFile = (data: FormData): File | null => {
  const file = data.get('file');
  return file instanceof File && file.size > 0 ? file : null;
};

/** What is wrong with the file before anything is saved, in bokmål; null when it may be sent. */
export const evidenceProblem = (file: File): string | null => {
  if (!typeOf(file)) return 'Filtypen er ikke tillatt: velg pdf, png, jpeg, docx, xlsx, txt eller csv.';
  if (file.size > MAX_BYTES) return 'Filen er for stor (maks 10 MB).';
  return null;
};

/** Uploads the file as evidence for the measurement (`measuredOn`) or realisation (`period`) just recorded. */
export const uploadEvidence = (benefitId: string, file: File, what: { measuredOn?: string | null; period?: string | null }) =>
  api.benefits.attachEvidence(benefitId, file, typeOf(file) ?? file.type, { fileName: file.name, ...what });

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${formatNumber(Math.ceil(bytes / 1024))} kB` : `${formatNumber(Math.round(bytes / 104857.6) / 10)} MB`);

/** The files attached as evidence, as downloads. */
export function EvidenceList({ benefit }: { benefit: BenefitView }) {
  return (
    <section aria-labelledby="vedlegg">
      <h2 id="vedlegg">Vedlegg</h2>
      {benefit.attachments.length === 0 ? (
        <p>Ingen filer er lagt ved som dokumentasjon.</p>
      ) : (
        <ul className="links">
          {benefit.attachments.map((a) => (
            <li key={`${a.attachmentId}-${a.attachedAt}`}>
              <a href={api.downloads.evidence(benefit.id, a.attachmentId)} download={a.fileName}>{a.fileName}</a>{' '}
              <span className="meta">
                ({size(a.sizeBytes)}{a.measuredOn ? `, måling ${formatDate(a.measuredOn)}` : ''}{a.period ? `, ${formatPeriod(a.period)}` : ''})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
