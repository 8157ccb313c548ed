// The default formulas of models/formulas.yaml written by hand in TypeScript:
// the reference the compiled formulas are tested and benchmarked against.
import type { FormulaSet } from './formula-roles.js';

const clamp = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);

export const HAND_FORMULAS: FormulaSet = {
  cut: (r, phi, alt, g7) => r * (1 - phi) * (1 - alt * (1 - g7)),
  supply_harm: (value, dt, uncovered, criticality) => value * dt * uncovered * criticality,
  supply_cost: (value, dt, r, phi, divertible) => value * dt * (r * (1 - phi) + phi) * (1 - divertible),
  effort: (base, pain, tolerance) => clamp(base + ((1 - base) * pain) / (pain + tolerance), 0, 1),
  substitution: (phi, dt, years, effort) => phi + (1 - phi) * Math.min(1, (dt * effort) / years),
  availability: (avail, r, decay, recovery, months) =>
    clamp(avail + Math.min(1, (avail > 1 - r ? decay : recovery) * months) * (1 - r - avail), 0, 1),
  service_harm: (value, dt, lost, criticality) => value * dt * lost * criticality,
  trade_drop: (tau, elasticity) => 1 - (1 + tau) ** -elasticity,
  // The exporter's loss per unit still sold is the price it gives up, 1 - (1 + tau)^(-incidence),
  // at most its margin; on the trade that stops it loses its margin. Never more than value·dt·margin.
  market_harm: (value, dt, drop, margin, tau, incidence) =>
    value * dt * (drop * margin + (1 - drop) * Math.min(margin, 1 - (1 + tau) ** -incidence)),
  // Deadweight triangle plus switching cost on the trade that stops; duty on the rest stays at home.
  market_cost: (value, dt, drop, tau, incidence, deadweight, switching) =>
    value * dt * drop * (deadweight * ((1 + tau) ** (1 - incidence) - 1) + switching),
  support: (base, sign, pain, cost, pressure, solidarity) =>
    base + sign * pain - cost + solidarity - pressure,
  breach: (base, credibility, pain) => clamp(base * (1 - credibility) * (1 + pain), 0, 1),
};
