import { Context } from '../context';
import { PathsRepository } from './paths.repository';
import { PathsService } from './paths.service';

const services = new WeakMap<Context, PathsService>();

/** The request's PathsService, made on first use from the database the catalog already uses. */
export function pathsOf(context: Context): PathsService {
  let service = services.get(context);
  if (!service) {
    service = new PathsService(new PathsRepository(context.catalog.database));
    services.set(context, service);
  }
  return service;
}
