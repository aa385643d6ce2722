import { Pipe, type PipeTransform } from '@angular/core';
import type { SessionNote } from '@waypoint/web-participant-data';
import { dailyCapReason } from './note-billing';

/**
 * `note | dailyCapReason`: beside every count of a saved note's units, why it is lower than the
 * time spent earns (the daily cap), so a 240-minute note showing 3 units is never silent.
 */
@Pipe({ name: 'dailyCapReason' })
export class DailyCapReasonPipe implements PipeTransform {
  transform(note: Pick<SessionNote, 'units' | 'cappedByDailyLimit' | 'dailyCapUnits'>): string | null {
    return dailyCapReason(note);
  }
}
