// The shape of the app's state: the sources each slice keeps and its named
// actions. Everything computed from them is a selector (selectors.ts).
import type { StoreApi } from 'zustand/vanilla';
import type {
  Activation,
  CellRef,
  ExportFlavour,
  Convention,
  Granularity,
  JacobianKind,
  LessonConfig,
  LessonInputs,
  Linearisation,
  LossKind,
  Phase,
  Sizes,
} from '../core/index.ts';
import type { Frame } from './frame.ts';
import type { TourSlice } from './tourState.ts';
import type { TrainSlice } from './trainState.ts';
import type { QuizSlice } from './quizState.ts';
import type { EditResult } from './messages.ts';
import type { EditableName, Locale, Notice } from './url.ts';

/** Which inputs hold values a learner typed (or a URL gave), as opposed to the seed's. */
export type Edited = Record<EditableName, boolean>;

/** A lesson's configuration, with its activation always stated. */
export type Config = LessonConfig & { activation: Activation };

/** The result of an edit: accepted, or refused with a message naming the problem. */
export type { EditResult };

/** The lesson: configuration, seed, the values of its inputs, and notices about them. */
export interface LessonSlice {
  config: Config;
  seed: number;
  inputs: LessonInputs;
  edited: Edited;
  notices: Notice[];
  setConvention(c: Convention): void;
  setSize(name: keyof Sizes, value: number): void;
  setLoss(l: LossKind): void;
  setActivation(a: Activation): void;
  setSeed(seed: number): void;
  /** Types a value into an input cell; refuses anything but a finite number. */
  editCell(cell: CellRef, text: string): EditResult;
  dismissNotice(param: string): void;
}

/** The cell being explained, and cells pointed at. */
export interface FocusSlice {
  /** The selected cell (keyboard focus or click); part of the URL. */
  focus: CellRef | null;
  /** The cell under the pointer; wins over focus while it lasts. */
  hover: CellRef | null;
  /** The term of the expanded sum under the pointer or focus. */
  term: number | null;
  /** Cells pointed at from another view (a Jacobian entry, a walkthrough value); outlined like a term's factors. */
  linked: readonly CellRef[];
  /** The linked notations' writer, once its module has arrived (the derivation panel fetches it); null before. */
  notationWriter: NotationWriter | null;
  setFocus(cell: CellRef | null): void;
  setHover(cell: CellRef | null): void;
  setTerm(k: number | null): void;
  setLinked(cells: readonly CellRef[] | null): void;
  setNotationWriter(writer: NotationWriter): void;
}

/** What writes a node's rule in the three linked notations (core's linkedNotation). */
export type NotationWriter = typeof import('../core/linkedNotation.ts').linkedNotation;

/** Where the player is. `step` counts the steps applied: 0 is the start, the script's length the finished lesson. */
export interface PlaybackSlice {
  /** The grain the learner chose, or null to follow the lesson's size. */
  grainChoice: Granularity | null;
  step: number;
  playing: boolean;
  /** Steps per second at normal pace is 1; 0.5, 1, 2 and 4 are offered. */
  speed: number;
  setStep(k: number): void;
  next(): void;
  prev(): void;
  toStart(): void;
  toEnd(): void;
  toPhase(p: Phase): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(v: number): void;
  setGranularity(g: Granularity): void;
}

/** Sizes the Jacobian view can show: the lesson's own ('teaching') and three realistic layers. */
export type JacobianPreset = 'teaching' | 'mnist' | 'image-b1' | 'image-b32';

/** An entry of the Jacobian, by row and column. */
export interface JacobianEntryRef {
  r: number;
  c: number;
}

/** What the Jacobian view shows. */
export interface JacobianSlice {
  jacobianKind: JacobianKind;
  linearisation: Linearisation;
  jacobianPreset: JacobianPreset;
  /** The entry under the pointer or keyboard focus, explained beside the view. */
  jacobianEntry: JacobianEntryRef | null;
  /** The shown step of the shortcut walkthrough, 0 to its last. */
  shortcutStep: number;
  /** True while the walkthrough steps by itself. */
  shortcutPlaying: boolean;
  setJacobianKind(k: JacobianKind): void;
  setLinearisation(l: Linearisation): void;
  setJacobianPreset(p: JacobianPreset): void;
  /** Points at an entry (or at none) and outlines its cells in the lesson. */
  setJacobianEntry(e: JacobianEntryRef | null): void;
  setShortcutStep(step: number): void;
  /** Steps the walkthrough on, stopping at its last step. */
  nextShortcutStep(): void;
  playShortcut(): void;
  pauseShortcut(): void;
}

/** Presentation mode (present=1): projected, large, with a blank screen and a spotlight laid over it. */
export interface PresentationSlice {
  present: boolean;
  /** How large the mode draws, one of PRESENT_SCALES; 1 is its measured size. */
  presentScale: number;
  /** The screen is blanked (B or '.'). */
  blank: boolean;
  /** Everything dims but the explained cell, the cells it depends on, and the derivation (S). */
  spotlight: boolean;
  setPresent(on: boolean): void;
  togglePresent(): void;
  setPresentScale(v: number): void;
  scaleUp(): void;
  scaleDown(): void;
  toggleBlank(): void;
  toggleSpotlight(): void;
  /** The layer Escape would leave: the spotlight, then the blank screen, then the mode; null when not presenting. */
  topLayer(): 'spotlight' | 'blank' | 'present' | null;
  /** Leaves the top layer (the view leaves fullscreen first, before the mode itself). */
  leaveLayer(): void;
}

/** The Export dialog (export=numpy or pytorch): the lesson as a program to take away, in the flavour shown. */
export interface ExportSlice {
  /** The flavour the dialog shows, or null when it is closed. */
  exportShown: ExportFlavour | null;
  openExport(flavour: ExportFlavour): void;
  closeExport(): void;
}

/** How the app speaks. */
export interface UiSlice {
  locale: Locale;
  /** How the app sits in its page; fixed when the app is made. */
  frame: Frame;
}

/** The whole state: sources and actions only. */
export type AppState = LessonSlice & FocusSlice & PlaybackSlice & JacobianSlice & PresentationSlice & TourSlice & TrainSlice & ExportSlice & QuizSlice & UiSlice;

/** zustand's set and get for the whole state. */
export type SetState = StoreApi<AppState>['setState'];
export type GetState = StoreApi<AppState>['getState'];
