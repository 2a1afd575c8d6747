// What the tour modules say: message keys with parameters, worded by the
// string catalogue (src/ui/strings/en/tour.ts), never English.

/** Keys of the messages about tours: what was wrong with one, and the notices that carry it. */
export type TourMessageKey =
  | 'tour.problem.json'
  | 'tour.problem.notObject'
  | 'tour.problem.format'
  | 'tour.problem.version'
  | 'tour.problem.versionBad'
  | 'tour.problem.tooBig'
  | 'tour.problem.tooMany'
  | 'tour.problem.noStops'
  | 'tour.problem.title'
  | 'tour.problem.stop.notObject'
  | 'tour.problem.stop.state'
  | 'tour.problem.stop.param'
  | 'tour.problem.stop.value'
  | 'tour.problem.stop.caption'
  | 'tour.problem.stop.question'
  | 'tour.problem.code'
  | 'notice.tour.refused'
  | 'notice.tour.stop'
  | 'notice.tour.moreStops'
  | 'notice.tour.kept'
  | 'notice.tour.stopPast'
  | 'notice.tour.stopBad';
