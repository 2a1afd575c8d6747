// The message keys training returns: its validation errors and what a pasted table got wrong.
export type TrainMessageKey =
  | 'train.error.lr'
  | 'train.error.batch'
  | 'train.error.epochs'
  | 'train.csv.empty'
  | 'train.csv.notNumber'
  | 'train.csv.columns'
  | 'train.csv.tooFewColumns'
  | 'train.csv.tooFewRows'
  | 'train.csv.tooMany'
  | 'train.csv.moreErrors'
  | 'train.export.tooLarge';
